package io.otos.api.json;

import io.otos.api.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a request body as text: at most a given size (else 413), valid UTF-8 (else 400). */
public final class TextBody {

  /**
   * How much of a refused body is still read (and thrown away), so that a client that sent it all
   * can read the 413; the connection is closed after it anyway ({@code ApiExceptionMapper}).
   */
  private static final long MAX_DRAINED = 1024 * 1024;

  private TextBody() {}

  /** The body as a reader, for line-by-line formats such as CSV. */
  public static Reader read(InputStream body, int maxBytes) {
    return new StringReader(text(body, maxBytes));
  }

  /** The body as one string; empty when there is none. */
  static String text(InputStream body, int maxBytes) {
    try {
      byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        body.skip(MAX_DRAINED);
        throw new ApiException(
            413, "BODY_TOO_LARGE", "The body must be at most " + maxBytes + " bytes long");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("BODY_NOT_UTF8", "The body is not valid UTF-8");
    } catch (IOException e) {
      throw ApiException.badRequest("BODY_UNREADABLE", "The body could not be read to its end");
    }
  }
}
