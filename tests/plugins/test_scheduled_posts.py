from datetime import UTC, datetime

from site_model.clock import site_now


def test_now_comes_from_site_now_when_set(monkeypatch):
    monkeypatch.setenv("SITE_NOW", "2030-01-02T03:04:05+09:00")
    assert site_now().isoformat() == "2030-01-02T03:04:05+09:00"
    monkeypatch.setenv("SITE_NOW", "2030-01-02T03:04:05")
    assert site_now().tzinfo is UTC


def test_now_is_the_clock_otherwise(monkeypatch):
    monkeypatch.delenv("SITE_NOW", raising=False)
    assert abs((site_now() - datetime.now(UTC)).total_seconds()) < 5
