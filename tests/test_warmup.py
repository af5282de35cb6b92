"""The warm-up a server worker runs before taking requests."""

import gc

import pytest

from api import gunicorn_conf
from engine import warm_up
from engine.warmup import YOUNG_COLLECTION_THRESHOLD


def test_warm_up_runs_every_check():
    # The sample disagrees on a number, a tense and a quote, so every check does real work.
    assert warm_up() >= 3


@pytest.fixture
def unfrozen():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_warm_up_leaves_the_collector_alone_unless_asked(unfrozen):
    gc.unfreeze()
    warm_up()
    assert gc.get_freeze_count() == 0


def test_gunicorn_workers_warm_up_and_freeze_after_start(unfrozen):
    gc.unfreeze()
    gunicorn_conf.post_worker_init(worker=None)
    # what the worker loaded is out of the collector's sight, and collection still runs
    assert gc.get_freeze_count() > 10_000
    assert gc.isenabled() and gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
