"""Run by the system python3 (which has LibreOffice's `uno`): open .docx files in LibreOffice,
accept or reject every tracked change there, and print each document's body text as JSON.

Usage: python3 lo_revisions.py PROFILE_DIR MODE FILE... [MODE FILE...]...
MODE is accept, reject or none and applies to the files after it. One LibreOffice serves every
group; each file is opened afresh for each group it is in. The output has one object per group,
in order: {file: {"paragraphs": [...], "redlines": bool, "redlines_before": bool}}, where
`redlines_before` says whether the file as opened had tracked changes and `redlines` whether it
has them after the mode's action.
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


MODES = ("accept", "reject", "none")


def _groups(args):
    groups = []
    for arg in args:
        if arg in MODES:
            groups.append((arg, []))
        elif not groups:
            raise SystemExit(f"expected a mode ({', '.join(MODES)}) before {arg}")
        else:
            groups[-1][1].append(arg)
    return groups


def _read(desktop, dispatcher, name, mode):
    doc = desktop.loadComponentFromURL(Path(name).resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),))
    before = doc.getRedlines().createEnumeration().hasMoreElements()
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
    doc.close(True)
    return {"paragraphs": paragraphs, "redlines": redlines, "redlines_before": before}


def main() -> None:
    profile, groups = Path(sys.argv[1]), _groups(sys.argv[2:])
    process, context = _connect(profile)
    smgr = context.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    try:
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        result = [{name: _read(desktop, dispatcher, name, mode) for name in files} for mode, files in groups]
        print(json.dumps(result))
    finally:
        with contextlib.suppress(Exception):  # the bridge may close before terminate() returns
            desktop.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
