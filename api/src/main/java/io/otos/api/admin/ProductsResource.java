package io.otos.api.admin;

import static io.otos.api.json.JsonFields.optionalString;
import static io.otos.api.json.JsonFields.requiredString;
import static io.otos.api.json.JsonFields.requiredUuid;

import io.otos.api.error.ApiException;
import io.otos.api.json.Ids;
import io.otos.api.json.JsonBody;
import io.otos.core.product.ProductService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

/**
 * Products of templates: create one (with a chosen or generated key), list a template's, read one.
 */
@RequestScoped
@AdminOnly
@Path("v1/admin/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

  @Inject ProductService products;

  @POST
  public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    JsonObject json = JsonBody.read(type, body);
    var product =
        products.create(
            requiredUuid(json, "template_id"),
            requiredString(json, "name"),
            optionalString(json, "product_key"));
    return Response.created(URI.create("v1/admin/products/" + product.id()))
        .entity(ProductView.of(product))
        .build();
  }

  @GET
  public PageView<ProductView> list(
      @QueryParam("template_id") String templateId,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    if (templateId == null) {
      throw ApiException.badRequest("TEMPLATE_ID_MISSING", "template_id is required");
    }
    return PageView.of(
        products
            .listByTemplate(Ids.parse(templateId, "template_id"), Paging.of(offset, limit))
            .map(ProductView::of));
  }

  @GET
  @Path("{id}")
  public ProductView get(@PathParam("id") String id) {
    return ProductView.of(products.get(Ids.parse(id, "id")));
  }
}
