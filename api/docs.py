"""The API's own description: GET /openapi.yaml, Swagger UI at GET /docs, and the start page."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, current_app, send_file
from flask_swagger_ui import get_swaggerui_blueprint
from werkzeug.exceptions import InternalServerError, NotFound

# openapi.yaml sits at the root of the checkout, beside pyproject.toml (installed editable).
SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
EXAMPLE_PATH = SPEC_PATH.parent / "seeds" / "request.json"

bp = Blueprint("docs", __name__)

# Swagger UI's page and its assets (JavaScript, CSS) are served from the flask-swagger-ui
# package itself, so /docs works without reaching any CDN.
swagger_ui = get_swaggerui_blueprint(
    "/docs",
    "/openapi.yaml",
    config={"app_name": "crosscheck API", "layout": "BaseLayout", "deepLinking": True},
)


@bp.get("/")
def index():
    """The editor's page: paste articles, compare, see the findings highlighted side by side."""
    return current_app.send_static_file("editor/index.html")


@bp.get("/example.json")
def example():
    """The seed pair as a /v1/compare body; the editor's page starts from it."""
    if not EXAMPLE_PATH.is_file():
        raise NotFound(f"There is no example request in this installation (looked at {EXAMPLE_PATH}).")
    return send_file(EXAMPLE_PATH, mimetype="application/json")


@bp.get("/openapi.yaml")
def openapi():
    """The HTTP contract, OpenAPI 3.1."""
    if not SPEC_PATH.is_file():
        raise InternalServerError(f"openapi.yaml is missing from this installation (looked at {SPEC_PATH}).")
    return send_file(SPEC_PATH, mimetype="application/yaml")


@bp.get("/docs")
def swagger():
    """Swagger UI, where the API can be tried from the browser."""
    # The same page flask-swagger-ui serves at /docs/, without a redirect to it.
    return current_app.view_functions["swagger_ui.show"]()


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(swagger_ui)
