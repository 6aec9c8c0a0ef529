package io.otos.core.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The nonces of signed requests, kept in the database until their request could no longer be
 * replayed: a nonce is accepted once per template, by every node that shares the database.
 */
@ApplicationScoped
public class NonceRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /**
   * Uses up {@code nonce} for the template, in the caller's transaction (the signature check's,
   * which commits before the provisioning starts). A request racing another with the same nonce
   * waits for it and loses.
   *
   * @return whether the nonce was unused
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean use(UUID templateId, String nonce, Instant keepUntil) {
    return em.createNativeQuery(
                "INSERT INTO auth_nonce (template_id, nonce, expires_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, templateId)
            .setParameter(2, nonce)
            .setParameter(3, OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  /** Forgets the nonces whose requests can no longer be replayed, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  int forgetExpired() {
    return em.createNativeQuery("DELETE FROM auth_nonce WHERE expires_at < ?")
        .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
  }
}
