// Starts Swagger UI on the OpenAPI document BanGUI serves. A file, not an inline script: the page's
// Content-Security-Policy allows scripts from this origin only.
(function () {
  'use strict';
  // the CSRF token the web UI keeps after login (src/main/frontend/src/app/session.ts); the session itself is
  // the HttpOnly cookie, which the browser sends with every same-origin request
  var CSRF_KEY = 'bangui.csrf';
  var SAFE = ['GET', 'HEAD', 'OPTIONS'];

  function csrfToken() {
    try {
      return window.localStorage.getItem(CSRF_KEY);
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('load', function () {
    window.ui = window.SwaggerUIBundle({
      url: '/api/v1/openapi/bangui-v1.yml',
      dom_id: '#swagger-ui',
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
      deepLinking: true,
      // no call to an outside validator, and no spec or config taken from the page's query string
      validatorUrl: null,
      queryConfigEnabled: false,
      requestInterceptor: function (request) {
        var token = csrfToken();
        if (token && SAFE.indexOf(String(request.method || 'GET').toUpperCase()) < 0) {
          request.headers['X-CSRF-Token'] = token;
        }
        request.credentials = 'same-origin';
        return request;
      }
    });
  });
}());
