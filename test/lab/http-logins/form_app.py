#!/usr/bin/python3
"""Lab admin page with an HTML form login (CGI under lighttpd). Test-only.

LAB_MODE selects the behaviour:
  factory  - accepts the credentials in state/creds.json and hands out a session cookie
  always200 - answers 200 "Login successful" to every attempt but never grants access
  lockout  - like factory, warns how many attempts remain, locks after 3 failures (HTTP 429)
  status-redirect - a static login page ("/" always shows it); a good login gets a session cookie
             and a 302 to /status.py (which needs that cookie, else 302 to "/"); a bad one is sent
             back to "/?err=1" with an error (TP-Link/D-Link-style admin pages)
  public-status - every post is redirected to /status.py, which anyone can open (a router whose
             status page is public): a decoy that proves nothing
  luci     - OpenWrt's LuCI as its dispatcher answers: "/" is a meta refresh to /cgi-bin/luci/,
             which answers 403 with the login form (luci_username/luci_password) until signed in;
             success sets "sysauth=...; path=/cgi-bin/luci/; SameSite=Strict; HttpOnly" and
             redirects to the same page; failure is 403 with the form and
             "Invalid username and/or password! Please try again."
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


def luci_page(message=""):
    msg = "<div class='alert-message error'>%s</div>" % html.escape(message) if message else ""
    return (
        "<!DOCTYPE html><html><head><title>OpenWrt - LuCI</title></head><body>"
        "<form method='post' class='cbi-map'><h2 name='content'>Authorization Required</h2>%s"
        "<div class='cbi-section'><p>Please enter your username and password.</p>"
        "<input class='cbi-input-text' type='text' name='luci_username' value='root'>"
        "<input class='cbi-input-text' type='password' name='luci_password'></div>"
        "<div class='cbi-page-actions'><button class='btn cbi-button-positive important'>Log in</button></div>"
        "</form></body></html>" % msg
    )


STATUS_PAGE = ("<!doctype html><html><body><h1>Status</h1><p>Firmware 1.0.4 - WAN connected - 7 clients</p>"
               "<a href='/logout.py'>Log out</a></body></html>")


def new_session(sessions):
    sid = secrets.token_hex(16)
    save("sessions.json", (sessions + [sid])[-50:])
    return sid


def read_form():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    return urllib.parse.parse_qs(sys.stdin.read(length), keep_blank_values=True)


def good(user, password):
    creds = load("creds.json", {})
    return user == creds.get("username") and password == creds.get("password")


def luci(method, sessions):
    if method == "POST":
        form = read_form()
        if good(form.get("luci_username", [""])[0], form.get("luci_password", [""])[0]):
            sid = new_session(sessions)
            reply("302 Found", "", ["Set-Cookie: sysauth=%s; path=/cgi-bin/luci/; SameSite=Strict; HttpOnly" % sid,
                                    "Location: /cgi-bin/luci/"])
        reply("403 Forbidden", luci_page("Invalid username and/or password! Please try again."), ["X-LuCI-Login-Required: yes"])
    if cookies().get("sysauth") in sessions:
        reply("200 OK", "<!DOCTYPE html><html><body><h2>Status</h2><h3>System</h3><p>Hostname OpenWrt - Model lab</p></body></html>")
    reply("403 Forbidden", luci_page(), ["X-LuCI-Login-Required: yes"])


def status_redirect(script, method, sessions):
    if script == "status.py":
        if MODE == "public-status" or cookies().get("sid") in sessions:
            reply("200 OK", STATUS_PAGE)
        reply("302 Found", "", ["Location: /"])
    if script != "login.py":
        query = os.environ.get("QUERY_STRING", "")
        reply("200 OK", login_page("The username or password is incorrect, please input again." if "err=" in query else ""))
    if method != "POST":
        reply("302 Found", "", ["Location: /"])
    form = read_form()
    if MODE == "public-status":
        reply("302 Found", "", ["Location: /status.py"])
    if good(form.get("username", [""])[0], form.get("password", [""])[0]):
        sid = new_session(sessions)
        reply("302 Found", "", ["Set-Cookie: sid=%s; Path=/; HttpOnly" % sid, "Location: /status.py"])
    reply("302 Found", "", ["Location: /?err=1"])


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

    if MODE == "luci":
        luci(method, sessions)
    if MODE in ("status-redirect", "public-status"):
        status_redirect(script, method, sessions)

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
