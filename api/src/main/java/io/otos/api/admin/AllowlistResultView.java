package io.otos.api.admin;

import io.otos.core.allowlist.AllowlistResult;

/** What an allowlist addition did. */
public record AllowlistResultView(int added, int alreadyRegistered) {

  static AllowlistResultView of(AllowlistResult result) {
    return new AllowlistResultView(result.added(), result.alreadyRegistered());
  }
}
