"""A stand-in for Dropbox's API on 127.0.0.1, and an HTTP session that reaches it.

The real `dropbox` SDK talks to it: see server.py for what it answers and how the SDK's
requests are routed there.
"""
