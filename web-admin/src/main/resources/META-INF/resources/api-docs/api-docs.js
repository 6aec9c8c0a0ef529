// The API reference reads the server's own OpenAPI document.
window.onload = function () {
  window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", deepLinking: true });
};
