"""crosscheck's web layer: the Flask application factory.

gunicorn 'api:create_app()'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import auth, compare, config, cors, docs, errors, health, middleware


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Defaults, then environment variables (CROSSCHECK_*), then ``test_config``."""
    app = Flask(__name__)
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_mapping(config.from_env(os.environ))
    if test_config is not None:
        app.config.from_mapping(test_config)
    # Keys in the order the schemas write them, not sorted.
    app.json.sort_keys = False

    errors.init_app(app)
    # Hooks run in this order: the request id first, so that every later answer carries it;
    # CORS preflights before the key check, since browsers send them without credentials.
    middleware.init_app(app)
    cors.init_app(app)
    auth.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(compare.bp)
    docs.init_app(app)
    return app
