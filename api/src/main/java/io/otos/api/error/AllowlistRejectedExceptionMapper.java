package io.otos.api.error;

import io.otos.core.allowlist.AllowlistProblem;
import io.otos.core.allowlist.AllowlistRejectedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * An allowlist refused as a whole: the envelope, with every wrong line in {@code data.problems}.
 */
@Provider
public class AllowlistRejectedExceptionMapper
    implements ExceptionMapper<AllowlistRejectedException> {

  /**
   * The machine-readable part: the code, how many lines are wrong, and (the first 1,000 of) them.
   */
  public record Problems(String error, int problemCount, List<AllowlistProblem> problems) {}

  @Override
  public Response toResponse(AllowlistRejectedException e) {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new ApiResponse<>(
                400, e.getMessage(), new Problems(e.code(), e.problemCount(), e.problems())))
        .build();
  }
}
