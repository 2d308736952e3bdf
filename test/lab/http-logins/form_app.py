#!/usr/bin/python3
"""Lab admin page with an HTML form login (CGI under lighttpd). Test-only.

LAB_MODE selects the behaviour:
  factory  - accepts the credentials in state/creds.json and hands out a session cookie
  always200 - answers 200 "Login successful" to every attempt but never grants access
  lockout  - like factory, warns how many attempts remain, locks after 3 failures (HTTP 429)
State lives in LAB_STATE (creds.json, sessions.json, failures.json).
"""
import html
import json
import os
import secrets
import sys
import urllib.parse

MODE = os.environ.get("LAB_MODE", "factory")
STATE = os.environ.get("LAB_STATE", ".")
LOCK_AFTER = 3


def load(name, default):
    try:
        with open(os.path.join(STATE, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def save(name, value):
    path = os.path.join(STATE, name)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(value, f)
    os.replace(tmp, path)


def reply(status, body, headers=()):
    out = sys.stdout
    out.write("Status: %s\r\n" % status)
    out.write("Content-Type: text/html; charset=utf-8\r\n")
    out.write("Cache-Control: no-store\r\n")
    for h in headers:
        out.write(h + "\r\n")
    out.write("\r\n")
    out.write(body)
    sys.exit(0)


def login_page(message=""):
    token = secrets.token_hex(8)
    msg = "<p class='error'>%s</p>" % html.escape(message) if message else ""
    return (
        "<!doctype html><html><head><title>Admin login</title></head><body>"
        "<h1>Router administration</h1>%s"
        "<form method='post' action='/login.py'>"
        "<input type='hidden' name='csrf' value='%s'>"
        "<label>User name <input type='text' name='username'></label>"
        "<label>Password <input type='password' name='password'></label>"
        "<button type='submit'>Log in</button></form></body></html>" % (msg, token)
    )


def cookies():
    jar = {}
    for part in os.environ.get("HTTP_COOKIE", "").split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            jar[k.strip()] = v.strip()
    return jar


def main():
    script = os.path.basename(os.environ.get("SCRIPT_NAME", "/index.py"))
    method = os.environ.get("REQUEST_METHOD", "GET")
    sessions = load("sessions.json", [])
    failures = load("failures.json", {"count": 0})

    if script != "login.py":
        if MODE != "always200" and cookies().get("sid") in sessions:
            reply("200 OK", "<!doctype html><html><body><h1>Status</h1><p>Firmware 1.0.4 - WAN connected - 7 clients</p>"
                  "<a href='/logout.py'>Log out</a></body></html>")
        reply("200 OK", login_page())

    if method != "POST":
        reply("302 Found", "", ["Location: /"])
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    form = urllib.parse.parse_qs(sys.stdin.read(length), keep_blank_values=True)
    user = form.get("username", [""])[0]
    password = form.get("password", [""])[0]

    if MODE == "always200":
        reply("200 OK", "<!doctype html><html><body><h1>Login successful</h1><p>Welcome!</p></body></html>",
              ["Set-Cookie: sid=decoy; Path=/"])

    if MODE == "lockout" and failures["count"] >= LOCK_AFTER:
        reply("429 Too Many Requests", "<!doctype html><html><body><h1>Login locked</h1>"
              "<p>Too many failed attempts. Try again in 30 minutes.</p></body></html>", ["Retry-After: 1800"])

    creds = load("creds.json", {})
    if user == creds.get("username") and password == creds.get("password"):
        sid = secrets.token_hex(16)
        save("sessions.json", (sessions + [sid])[-50:])
        if MODE == "lockout":
            save("failures.json", {"count": 0})
        reply("302 Found", "", ["Set-Cookie: sid=%s; Path=/; HttpOnly" % sid, "Location: /"])

    if MODE == "lockout":
        failures["count"] += 1
        save("failures.json", failures)
        left = LOCK_AFTER - failures["count"]
        if left <= 0:
            reply("429 Too Many Requests", "<!doctype html><html><body><h1>Login locked</h1>"
                  "<p>Too many failed attempts. Try again in 30 minutes.</p></body></html>", ["Retry-After: 1800"])
        reply("200 OK", login_page("Wrong user name or password. %d attempts remaining." % left))
    reply("200 OK", login_page("Wrong user name or password."))


main()
