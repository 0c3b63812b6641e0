"""Small stand-ins for Google's servers, run on 127.0.0.1 so no test needs the internet.

`oauth_server` answers the OAuth 2.0 endpoints (consent, token, revoke) and comes with a
stand-in browser; the real google-auth and google-auth-oauthlib talk to it over HTTP.
"""
