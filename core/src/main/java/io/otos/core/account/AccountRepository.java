package io.otos.core.account;

import io.otos.core.store.StoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Console accounts, kept in the database. */
@ApplicationScoped
public class AccountRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /** Adds the account; a username another admin took at the same moment is refused. */
  void add(Account account) {
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException e) {
      if (StoreFailures.isUniqueViolation(e)) {
        throw AccountService.usernameTaken();
      }
      throw e;
    }
  }

  /**
   * The enabled admins, locked until the transaction ends: two admins disabling each other at the
   * same moment cannot leave none.
   */
  List<Account> lockEnabledAdmins() {
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.role = :role AND a.enabled = TRUE", Account.class)
        .setParameter("role", Role.ADMIN)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  Optional<Account> find(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  Optional<Account> findByUsername(Username username) {
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username.value())
        .getResultStream()
        .findFirst();
  }

  List<Account> all() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList();
  }

  long count() {
    return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
  }
}
