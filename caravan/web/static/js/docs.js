// The API's interactive documentation (/docs): Swagger UI, bundled, over /openapi.json.

window.ui = window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
