package io.otos.server.it;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every operation the JAX-RS resources declare, as {@code "post /api/v1/device/auth"}. */
final class ResourcePaths {

  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class,
          "get",
          POST.class,
          "post",
          PUT.class,
          "put",
          PATCH.class,
          "patch",
          DELETE.class,
          "delete");

  private ResourcePaths() {}

  static Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (var javaClass : new ClassFileImporter().importPackages("io.otos.api")) {
      if (!javaClass.isAnnotatedWith(Path.class)) {
        continue;
      }
      Class<?> type = javaClass.reflect();
      Path root = type.getAnnotation(Path.class);
      for (Method method : type.getDeclaredMethods()) {
        for (var entry : METHODS.entrySet()) {
          if (method.isAnnotationPresent(entry.getKey())) {
            Path sub = method.getAnnotation(Path.class);
            String path = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
            operations.add(entry.getValue() + " " + path.replaceAll("/+", "/"));
          }
        }
      }
    }
    return operations;
  }
}
