"""The collector's threshold is raised only while a stream is consumed, then restored."""

import gc

import pytest

from pressparse.gctune import STREAM_THRESHOLD, fewer_collections


@pytest.fixture
def default_threshold():
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*old)


def test_raised_inside_and_restored(default_threshold):
    with fewer_collections():
        assert gc.get_threshold() == (STREAM_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error(default_threshold):
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_higher_or_disabled_threshold_left_alone(default_threshold):
    gc.set_threshold(50_000, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 50_000
    assert gc.get_threshold()[0] == 50_000
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


def test_a_setting_changed_meanwhile_is_kept(default_threshold):
    with fewer_collections():
        gc.set_threshold(1000, 10, 10)  # someone else's choice while the stream runs
    assert gc.get_threshold()[0] == 1000


def test_pipe_restores_when_the_stream_ends(default_threshold, extractor):
    stream = extractor.pipe(["Am Montag, 3. Mai 2021, tagt der Rat.", "Zweiter Text."])
    next(stream)
    assert gc.get_threshold()[0] == STREAM_THRESHOLD
    list(stream)
    assert gc.get_threshold() == (700, 10, 10)


def test_pipe_restores_when_the_stream_is_abandoned(default_threshold, extractor):
    stream = extractor.pipe(["Am Montag tagt der Rat.", "Zweiter Text."])
    next(stream)
    stream.close()
    assert gc.get_threshold() == (700, 10, 10)
