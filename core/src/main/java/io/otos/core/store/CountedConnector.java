package io.otos.core.store;

import java.sql.Connection;
import java.util.Properties;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/** EclipseLink's look-up of the container's data source, with its connections counted. */
class CountedConnector extends JNDIConnector {

  CountedConnector(JNDIConnector looked) {
    if (looked.getName() != null) {
      setName(looked.getName());
    }
    setLookupType(looked.getLookupType());
    setContext(looked.getContext());
    setDataSource(looked.getDataSource());
  }

  @Override
  public Connection connect(Properties properties, Session session) throws DatabaseException {
    try {
      return ConnectionUsage.instance().take(() -> super.connect(properties, session));
    } catch (java.sql.SQLException e) {
      throw DatabaseException.sqlException(e);
    }
  }
}
