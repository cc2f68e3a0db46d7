"""Settings for every environment; production differs only by environment variables.

Variables are read from the environment or from an optional `.env` beside manage.py
(see `.env.example`). Without `DATABASE_URL` the portal uses a SQLite file in the project.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# Values already in the environment win over the file; DJANGO_ENV_FILE names another file.
environ.Env.read_env(env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# A development key is only acceptable while DEBUG is on; production must set its own.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="" if not DEBUG else "dev-only-insecure-key")
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "import_export",
    "simple_history",
    "parties",
    "cooperation",
    "areas",
    "projects",
    "accounts",
    "pages",
    "meetings",
    # The pages people use, each in the app of what it shows; nothing imports these three.
    "dashboard",
    "documents",
    "search",
    "versions",
    # django-axes under a Danish name in the admin.
    "accounts.apps.SignInAttemptsConfig",
    # Background work (issue 13): Django 6's task API backported, its database queue, and the portal's
    # operations (health check, request ids, reminders and mail preferences, the worker's schedule).
    "django_tasks",
    "django_tasks_db",
    "operations",
]

MIDDLEWARE = [
    # First, so every log line of the request, and the response, carry its id (operations.middleware).
    "operations.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers: a Content-Security-Policy (django-csp) and a Permissions-Policy (byaftale.headers).
    "csp.middleware.CSPMiddleware",
    "byaftale.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Danish unless the language switch chose English; never from the browser's Accept-Language.
    "byaftale.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # No browser or proxy keeps what a signed-in user saw (byaftale.headers).
    "byaftale.headers.PrivateCacheMiddleware",
    # Nothing internal is visible without signing in; views opt out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "byaftale.urls"
WSGI_APPLICATION = "byaftale.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered PDFs are cached; a file cache is shared by every worker process of one machine, Redis
# (DJANGO_CACHE_URL=redis://host:6379/0) by every machine. Redis goes through Django's own RedisCache.
CACHES = {"default": env.cache("DJANGO_CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}")}
CACHE_IS_SHARED = "redis" in CACHES["default"]["BACKEND"].lower()
if CACHE_IS_SHARED:
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
# Lets portals (or test runs) share one Redis without reading each other's entries.
CACHES["default"]["KEY_PREFIX"] = env.str("BYAFTALE_CACHE_KEY_PREFIX", default="byaftale")
# Sessions live in the database, which every machine shares; with a shared cache they are also read from
# it (cached_db writes through to the database). A per-machine cache would keep a signed-out session alive
# on the other machines, so it is never used for sessions.
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if CACHE_IS_SHARED else 'db'}"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
# The second path holds Danish for django-import-export and django-simple-history, which ship none.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "thirdparty"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Danish formats: 1.750 timer, 500.000 kr., 1. april 2011.
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Imports and exports: a sheet applies whole or not at all.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"


SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The dashboard flags a running project without a status report in this many weeks,
# and lists what starts, ends and falls due in this many coming months.
STATUS_REPORT_WEEKS = env.int("BYAFTALE_STATUS_REPORT_WEEKS", default=4)
DASHBOARD_HORIZON_MONTHS = env.int("BYAFTALE_DASHBOARD_MONTHS", default=3)

# The language switch: the choice is remembered for a year in Django's language cookie; dates and
# numbers are written the one way of each language (byaftale/formats/).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
FORMAT_MODULE_PATH = ["byaftale.formats"]

# Production hardening; on by default, switched off for local HTTP development.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
# HSTS for every subdomain, and the browsers' preload list, bind more than this portal and outlast a
# deployment that changes its mind: off unless a deployment chooses them (see README, Security headers).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Spreadsheet imports (byaftale/sheets.py, byaftale/import_files.py): the largest file and sheet that can be
# imported, and how long an uploaded sheet waits for its confirmation before it is deleted.
IMPORT_MAX_BYTES = env.int("BYAFTALE_IMPORT_MAX_BYTES", default=5_000_000)
IMPORT_MAX_ROWS = env.int("BYAFTALE_IMPORT_MAX_ROWS", default=5000)
IMPORT_PREVIEW_MINUTES = env.int("BYAFTALE_IMPORT_PREVIEW_MINUTES", default=30)
IMPORT_FILES_DIR = env.path("BYAFTALE_IMPORT_FILES_DIR", default=BASE_DIR / "var" / "imports")
# Our resources escape formulas losslessly; django-import-export's own escaping would drop the "=".
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
# --- Sign-in: throttling, passwords by e-mail, sessions ------------------------------------
# django-axes counts wrong passwords per username and, separately, per address; either one
# reaching the limit locks that username or that address out for the cool-off, and every
# further attempt meanwhile starts the cool-off again.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("BYAFTALE_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("BYAFTALE_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip_address"
# Behind this many proxies that append to X-Forwarded-For; 0 trusts only the connection's address.
TRUSTED_PROXY_COUNT = env.int("BYAFTALE_TRUSTED_PROXY_COUNT", default=0)
# The secretariat needs the username and address of each failure in the log; passwords are never logged.
AXES_SENSITIVE_PARAMETERS: list[str] = []
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Password reset mails; e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.dk:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="byaftale@localhost")

# A session ends after a working day without a request, or (if chosen) when the browser closes.
SESSION_COOKIE_AGE = env.int("BYAFTALE_SESSION_IDLE_HOURS", default=8) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("BYAFTALE_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)

# One handler, on the root logger, and every line once: Django's own "django" logger has a console
# handler of its own and propagates to the root, which printed each of its lines twice; it is reset here
# to propagate only. Each line carries the request id (operations.logging); BYAFTALE_LOG_FORMAT=json
# writes one JSON object a line for a log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logging.RequestIdFilter"}},
    "formatters": {
        "text": {"()": "operations.logging.TextFormatter"},
        "json": {"()": "operations.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env.str("BYAFTALE_LOG_FORMAT", default="text"),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # The development server's lines, once, through the root handler.
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # WeasyPrint and fontTools narrate every layout step at INFO.
        **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
    },
}

# Security headers (issue 8): a Content-Security-Policy without inline scripts or styles (django-csp),
# a Permissions-Policy denying the browser features the portal never uses, and no caching of what a
# signed-in user sees (byaftale.headers); the middleware stand in MIDDLEWARE above.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
# check --deploy asks for includeSubDomains (W005) and preload (W021) until a deployment has chosen,
# either way, by setting DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS and DJANGO_SECURE_HSTS_PRELOAD.
SILENCED_SYSTEM_CHECKS = [
    check
    for check, variable in (
        ("security.W005", "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS"),
        ("security.W021", "DJANGO_SECURE_HSTS_PRELOAD"),
    )
    if variable in os.environ
]
# Backups: manage.py backup_portal and restore_portal (projects/backup.py) drive django-dbbackup, which runs
# pg_dump and pg_restore on PostgreSQL and SQLite's own backup API on SQLite. Uploaded files live in
# MEDIA_ROOT (served by no URL yet) and go into every backup beside the database.
INSTALLED_APPS += ["dbbackup"]
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
BACKUP_DIR = env.path("BYAFTALE_BACKUP_DIR", default=BASE_DIR / "var" / "backups")
STORAGES["dbbackup"] = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": BACKUP_DIR}}
# Restored tables belong to the role the portal connects as, not to the role that owned them where the
# backup was made (which a new server may not have).
DBBACKUP_CONNECTORS = {"default": {"PG_OPTIONS": "--no-owner --no-privileges"}}
# The frame (issue 9): the secretariat's contact in every page's footer and on the 403 page; the
# accessibility statement itself is a page the secretariat edits in the admin (pages.SitePage).
SECRETARIAT_CONTACT_NAME = env.str("BYAFTALE_CONTACT_NAME", default="Boligstrategisk Sekretariat, Odense Kommune")
SECRETARIAT_CONTACT_EMAIL = env.str("BYAFTALE_CONTACT_EMAIL", default="")
SECRETARIAT_CONTACT_PHONE = env.str("BYAFTALE_CONTACT_PHONE", default="")

# Meetings (issue 11): papers (bilag) live in a storage of their own that no URL serves; they are downloaded
# through a view that checks the reader's role. An S3-compatible store (django-storages) may replace it by
# setting BYAFTALE_PAPERS_STORAGE to its backend, with its options in the backend's own settings.
PAPERS_DIR = env.path("BYAFTALE_PAPERS_DIR", default=BASE_DIR / "var" / "papers")
PAPERS_STORAGE = env.str("BYAFTALE_PAPERS_STORAGE", default="meetings.storage.PrivateFileSystemStorage")
STORAGES["meeting_papers"] = {
    "BACKEND": PAPERS_STORAGE,
    "OPTIONS": {"location": PAPERS_DIR} if PAPERS_STORAGE.endswith("FileSystemStorage") else {},
}
PAPER_MAX_BYTES = env.int("BYAFTALE_PAPER_MAX_BYTES", default=20_000_000)
# --- Background work, reminders and health (issue 13, operations/) --------------------------------
# Django 6's task API (the django-tasks backport). The database backend keeps the queue in the portal's
# own database, and bin/serve starts its worker (manage.py run_worker). Several machines may use RQ on
# Redis instead: BYAFTALE_TASKS_BACKEND=django_tasks_rq.RQBackend (pip install django-tasks-rq, see README).
# Development (DEBUG, bin/run) has no worker: tasks run at once there unless chosen otherwise.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "BYAFTALE_TASKS_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend" if DEBUG else "django_tasks_db.DatabaseBackend",
        ),
        "QUEUES": ["default"],
    }
}
# /healthz calls the worker alive when it reported within this many seconds (it reports every 30).
WORKER_HEARTBEAT_SECONDS = env.int("BYAFTALE_WORKER_HEARTBEAT_SECONDS", default=120)
# The reminders (operations/reminders.py), sent daily by the worker at this hour (local time) or by
# manage.py send_reminders: a milestone this many days ahead to the project's contact persons, the
# agreement's revision this many months ahead, the steering group's digest on this weekday (0 = Monday).
REMINDER_HOUR = env.int("BYAFTALE_REMINDER_HOUR", default=6)
MILESTONE_REMINDER_DAYS = env.int("BYAFTALE_MILESTONE_REMINDER_DAYS", default=14)
# A meeting's follow-up point this many days before it is due (and again once overdue), to the person responsible.
FOLLOW_UP_REMINDER_DAYS = env.int("BYAFTALE_FOLLOW_UP_REMINDER_DAYS", default=7)
REVISION_REMINDER_MONTHS = env.int("BYAFTALE_REVISION_REMINDER_MONTHS", default=3)
DIGEST_WEEKDAY = env.int("BYAFTALE_DIGEST_WEEKDAY", default=0)
# Links in mails are absolute: the portal's address as people reach it.
PORTAL_URL = env.str("BYAFTALE_PORTAL_URL", default="http://127.0.0.1:8000").rstrip("/")
