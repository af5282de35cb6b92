"""gunicorn settings for `make run`, `crosscheck serve` and the HTTP benchmark
(`gunicorn -c python:api.gunicorn_conf`). Command-line options (bind, workers) still apply."""


def post_worker_init(worker):
    # Load the engine's lexicons in each worker before it takes requests: the first request is
    # then as fast as the rest, and the worker's memory is at its working size from the start.
    # Then freeze them, so the garbage collector never walks them again (see warm_up).
    from engine.warmup import warm_up

    warm_up(freeze=True)
