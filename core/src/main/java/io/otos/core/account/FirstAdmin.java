package io.otos.core.account;

import io.otos.core.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, after the schema is migrated: when there is no console account yet, creates the admin
 * named by {@code OTOS_ADMIN_USER} with {@code OTOS_ADMIN_PASSWORD}. Without them nobody can sign
 * in to the console, and the log says how to fix it. The password is never logged.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject AccountService accounts;

  @Inject
  @ConfigProperty(name = "otos.admin.user")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "otos.admin.password")
  Optional<String> password;

  @PostConstruct
  void createIfNone() {
    try {
      if (username.isEmpty() || password.isEmpty()) {
        if (accounts.count() == 0) {
          LOG.warning(
              "No console account exists and OTOS_ADMIN_USER/OTOS_ADMIN_PASSWORD are not both set:"
                  + " nobody can sign in to the console until they are (then restart)");
        }
        return;
      }
      if (accounts.createFirstAdmin(username.get(), password.get())) {
        LOG.info("Created the first console admin '" + username.get().strip() + "'");
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "The first console admin was not created: "
              + (e instanceof DomainException
                  ? e.getMessage()
                  : "another node may have created it at the same time ("
                      + e.getClass().getSimpleName()
                      + ")"));
    }
  }
}
