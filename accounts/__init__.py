"""Signing in and keeping an account: the lock-out after repeated wrong passwords, password reset by e-mail
and the page where every signed-in user changes their own password."""
