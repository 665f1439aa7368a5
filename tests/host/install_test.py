#!/usr/bin/env python3
"""install / doctor / uninstall in a throwaway HOME: the manifests written
are checked against what Chromium and Firefox accept, doctor finds and
explains broken ones, and a host started the way Firefox starts it (the
manifest path and the add-on id) answers hello.

usage: install_test.py DRAFTGUARD"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dghost  # noqa: E402

CHROMIUM_DIRS = {"chrome": ".config/google-chrome/NativeMessagingHosts",
                 "chromium": ".config/chromium/NativeMessagingHosts",
                 "edge": ".config/microsoft-edge/NativeMessagingHosts",
                 "brave": ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
                 "vivaldi": ".config/vivaldi/NativeMessagingHosts"}
FIREFOX_DIR = ".mozilla/native-messaging-hosts"


def run(binary, home, *args):
    p = subprocess.run([binary, *args], env=home.env(), capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def check_chromium_manifest(m, binary, ids):
    # Chromium's rules (native_messaging_host_manifest.cc): name of
    # [a-z0-9_] parts joined by dots, absolute path, type stdio, origins
    # chrome-extension://<32 a-p>/ without wildcards.
    assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*", m["name"]), m
    assert m["name"] == "com.draftguard.host"
    assert m["type"] == "stdio"
    assert os.path.isabs(m["path"]) and os.path.samefile(m["path"], binary), m
    assert m["description"]
    assert "allowed_extensions" not in m
    for o in m["allowed_origins"]:
        assert re.fullmatch(r"chrome-extension://[a-p]{32}/", o), o
    assert sorted(m["allowed_origins"]) == sorted(f"chrome-extension://{i}/" for i in ids), m


def check_firefox_manifest(m, binary, ids):
    # Firefox: same name rule, absolute path on Linux, "allowed_extensions".
    assert m["name"] == "com.draftguard.host" and m["type"] == "stdio"
    assert os.path.isabs(m["path"]) and os.path.samefile(m["path"], binary)
    assert "allowed_origins" not in m
    assert m["allowed_extensions"] == ids, m


def main(binary):
    binary = os.path.abspath(binary)
    home = dghost.TempHome()
    try:
        code, out, err = run(binary, home, "doctor")
        assert code == 1 and "no DraftGuard host manifest" in out and "fix: draftguard install" in out, out

        extra = "abcdefghijklmnopabcdefghijklmnop"
        code, out, err = run(binary, home, "install", "--extension-id", extra)
        assert code == 0, (out, err)
        for d in CHROMIUM_DIRS.values():
            with open(os.path.join(home.path, d, "com.draftguard.host.json")) as f:
                check_chromium_manifest(json.load(f), binary, [dghost.CHROMIUM_ID, extra])
        ff = os.path.join(home.path, FIREFOX_DIR, "com.draftguard.host.json")
        with open(ff) as f:
            check_firefox_manifest(json.load(f), binary, [dghost.FIREFOX_ID])
        with open(os.path.join(home.store, "config.json")) as f:
            assert extra in json.load(f)["allowed_extensions"]

        code, out, err = run(binary, home, "doctor")
        assert code == 0 and "no problems found" in out, out

        # Without --extension-id, install writes exactly the committed templates.
        manifests = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "manifests")
        for family in ("chromium", "firefox"):
            plain = os.path.join(home.path, "plain", family)
            code, out, err = run(binary, home, "install", "--browser", family, "--dir", plain)
            assert code == 0, err
            with open(os.path.join(manifests, family, "com.draftguard.host.json.in")) as f:
                template = json.loads(f.read().replace("@DRAFTGUARD_PATH@", binary))
            with open(os.path.join(plain, "com.draftguard.host.json")) as f:
                written = json.load(f)
            assert written == template, (written, template)

        # The host as Firefox starts it, and as Chromium starts it for the extra id.
        for args in ([ff, dghost.FIREFOX_ID], [f"chrome-extension://{extra}/"]):
            h = dghost.Host(binary, home, args=args)
            assert h.call({"id": 1, "type": "hello", "protocol": 1})["type"] == "hello"
            assert h.close()[0] == 0

        # Break one manifest: doctor names it and says how to fix it.
        chromium = os.path.join(home.path, CHROMIUM_DIRS["chromium"], "com.draftguard.host.json")
        with open(chromium) as f:
            m = json.load(f)
        m["path"] = "relative/draftguard"
        with open(chromium, "w") as f:
            json.dump(m, f)
        code, out, err = run(binary, home, "doctor")
        assert code == 1 and "is relative" in out and "fix: draftguard install --browser chromium --user" in out, out

        # --dir: a Chromium --user-data-dir's NativeMessagingHosts.
        udd = os.path.join(home.path, "udd", "NativeMessagingHosts")
        code, out, err = run(binary, home, "install", "--browser", "chromium", "--dir", udd)
        assert code == 0 and os.path.exists(os.path.join(udd, "com.draftguard.host.json")), (out, err)

        code, out, err = run(binary, home, "install", "--browser", "netscape")
        assert code == 2 and "unknown browser" in err, err

        code, out, err = run(binary, home, "uninstall")
        assert code == 0 and out.count("removed") == 6, out
        assert not os.path.exists(ff)
        code, out, err = run(binary, home, "doctor")
        assert code == 1 and "no DraftGuard host manifest" in out, out
        # `draftguard lists`: the same requests as the host, from the command line.
        csv = os.path.join(home.path, "in.csv")
        with open(csv, "w") as f:
            f.write("domain,name,category,severity,term\n*,clients,keyword,high,Acme\nlinkedin.com,c,,,Falcon\n")
        code, out, err = run(binary, home, "lists", "import", csv)
        assert code == 0 and "revision 1" in err, err
        code, out, err = run(binary, home, "lists", "get", "--domain", "www.linkedin.com")
        assert code == 0 and json.loads(out)["domains"]["linkedin.com"]["lists"][0]["terms"] == ["Falcon"], out
        code, out, err = run(binary, home, "lists", "export", "--format", "csv")
        assert code == 0 and "*,clients,keyword,high,Acme" in out, out
        code, out, err = run(binary, home, "lists", "delete", "--domain", "*", "--name", "nope")
        assert code == 1 and "not_found" in err, err
        code, out, err = run(binary, home, "lists", "delete", "--domain", "*")
        assert code == 0, err
        code, out, err = run(binary, home, "lists", "get")
        assert list(json.loads(out)["domains"]) == ["linkedin.com"], out
        print("ok: install, doctor, uninstall, lists")
    finally:
        home.cleanup()


if __name__ == "__main__":
    main(sys.argv[1])
