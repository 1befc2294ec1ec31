"""`medbal serve`: medbal's answers behind a URL, a stateless HTTP JSON API on Starlette.

Every request carries all its answers, so nothing is kept between requests and the
service scales by adding processes (`--workers`) and machines behind any load
balancer.  The modules:

- `engine`: what is loaded once per process at start: one `api.Library` holding every
  tree, the checklists and the rates, and the page made from it.  Every answer is the
  library's; this package adds HTTP, never rules of its own;
- `requests`: each request body declared once (a TypedDict), checked against that
  declaration, and the language a request asks for;
- `openapi`: the OpenAPI 3.1 description, derived from those declarations and from
  the typed views of medbal.present.views;
- `app`: the Starlette application (routes, limits, errors, headers, access log);
- `run`: the command itself, on uvicorn.

Starlette and uvicorn are the optional extra `serve`; nothing here is imported by any
other command.
"""
