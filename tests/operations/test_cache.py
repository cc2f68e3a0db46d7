"""Production cache and sessions: DJANGO_CACHE_URL=redis://… gives Django's own RedisCache, shared by every
process and machine, with sessions read through it (and kept in the database); the file cache stays the
default, with sessions in the database only. Run against the machine's Redis (127.0.0.1:6379, DB 13)."""

import json
import socket

import pytest
from django.core.cache.backends.redis import RedisCache

from tests.byaftale.test_settings import HSTS_CHOSEN, manage, production

REDIS_URL = "redis://127.0.0.1:6379/13"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_answers(), reason="no Redis server answers on 127.0.0.1:6379")

SHOW = (
    "from django.conf import settings; import json; "
    "print(json.dumps({'cache': settings.CACHES['default'], 'sessions': settings.SESSION_ENGINE}))"
)


def configured(tmp_path, **env: str) -> dict:
    result = manage("shell", "-c", SHOW, **production(tmp_path, **HSTS_CHOSEN, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_file_cache_is_the_default_and_sessions_stay_in_the_database(tmp_path):
    found = configured(tmp_path)
    assert found["cache"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["sessions"] == "django.contrib.sessions.backends.db"


def test_a_redis_url_gives_djangos_own_redis_cache_and_sessions_through_it(tmp_path):
    found = configured(tmp_path, DJANGO_CACHE_URL=REDIS_URL)
    assert found["cache"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "byaftale",
    }
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"


@needs_redis
def test_what_one_process_caches_in_redis_another_reads():
    writer = RedisCache(REDIS_URL, {})
    reader = RedisCache(REDIS_URL, {})
    writer.set("tests:operations:pdf", b"%PDF-1.7 bytes", 30)
    try:
        assert reader.get("tests:operations:pdf") == b"%PDF-1.7 bytes"
    finally:
        writer.delete("tests:operations:pdf")
