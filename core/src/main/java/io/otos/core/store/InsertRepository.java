package io.otos.core.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes {@link Inserts} in the caller's transaction, in one statement. */
@ApplicationScoped
public class InsertRepository {

  @PersistenceContext(unitName = "otos")
  private EntityManager em;

  /** Inserts every row, now; a constraint violation fails the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insertAll(Inserts inserts) {
    Query statement = em.createNativeQuery(inserts.sql());
    List<Object> values = inserts.parameters();
    for (int i = 0; i < values.size(); i++) {
      statement.setParameter(i + 1, values.get(i));
    }
    statement.executeUpdate();
  }
}
