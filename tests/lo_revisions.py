"""Run by the system python3 (which has LibreOffice's `uno`): open .docx files in LibreOffice,
accept or reject every tracked change there, and print each document's body text as JSON.

Usage: python3 lo_revisions.py PROFILE_DIR accept|reject|none FILE...
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(profile: Path):
    pipe = f"lo-vergelijk-{uuid.uuid4().hex}"
    process = subprocess.Popen(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                                "--norestore", f"--accept=pipe,name={pipe};urp;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return process, context
        except Exception:
            time.sleep(0.25)
    process.kill()
    raise SystemExit("LibreOffice did not start")


def main() -> None:
    profile, mode, files = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    process, context = _connect(profile)
    smgr = context.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    try:
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        result = {}
        for name in files:
            doc = desktop.loadComponentFromURL(Path(name).resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),))
            if mode != "none":
                command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            paragraphs = []
            enum = doc.getText().createEnumeration()
            while enum.hasMoreElements():
                element = enum.nextElement()
                if element.supportsService("com.sun.star.text.Paragraph"):
                    paragraphs.append(element.getString())
            redlines = doc.getRedlines().createEnumeration().hasMoreElements()
            result[name] = {"paragraphs": paragraphs, "redlines": redlines}
            doc.close(True)
        print(json.dumps(result))
    finally:
        with contextlib.suppress(Exception):  # the bridge may close before terminate() returns
            desktop.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
