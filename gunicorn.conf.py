"""gunicorn's settings for the portal (bin/serve starts it with this file; gunicorn also reads it by itself
when started in this folder). Every value can be overridden by the environment named beside it."""

import multiprocessing
import os

wsgi_app = "byaftale.wsgi:application"
bind = os.environ.get("BYAFTALE_BIND", "127.0.0.1:8000")

# Synchronous workers, as gunicorn recommends: 2 per core plus 1. Pages are short database reads; PDFs are
# rendered by the background worker and served from the cache, so no request holds a worker for long.
workers = int(os.environ.get("BYAFTALE_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request that has not answered in this many seconds is killed and logged. The only slow work is a PDF
# rendered in a request because none was ever rendered (the worker renders them after every change): the
# action plan at 500 projects took 58 s on this 2-core machine under load.
timeout = int(os.environ.get("BYAFTALE_WEB_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter so they do not restart together): bounds any leak.
max_requests = 2000
max_requests_jitter = 200
# The application is imported once, before the workers fork: faster start, less memory.
preload_app = True

# Access log on standard output, with the request id the portal sets (operations.middleware) and the time taken.
accesslog = os.environ.get("BYAFTALE_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("BYAFTALE_GUNICORN_LOG_LEVEL", "info")
# Behind a proxy that sets X-Forwarded-For / -Proto: name its address (BYAFTALE_FORWARDED_ALLOW_IPS).
forwarded_allow_ips = os.environ.get("BYAFTALE_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "byaftale"
# gunicorn 27's control socket sits in one place per user by default, so a second instance on the machine
# (the two-instance test, two ports) would take the first one's; the portal does not use it.
control_socket_disable = True
