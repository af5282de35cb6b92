"""The warm-up a server worker runs before taking requests."""

from api import gunicorn_conf
from engine import warm_up


def test_warm_up_runs_every_check():
    # The sample disagrees on a number, a tense and a quote, so every check does real work.
    assert warm_up() >= 3


def test_gunicorn_workers_warm_up_after_start():
    assert callable(gunicorn_conf.post_worker_init)
    gunicorn_conf.post_worker_init(worker=None)
