"""Converts documents to PDF through a running LibreOffice listener (server/documents/pdf/converter.ts).

Started once by the converter with the listener's pipe name; reads one JSON request per line on stdin
({"input": path, "output": path}) and answers one JSON line ({"ok": true} or {"error": "..."}) per request.
The converter sends one request at a time and kills this helper and the listener when one hangs.
"""
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
    )
    # The listener takes a moment to open its pipe after it starts.
    deadline = time.monotonic() + 30
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def convert(desktop, source, target):
    load = (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load)
    if doc is None:
        raise RuntimeError("source file could not be loaded")
    try:
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main():
    desktop = connect(sys.argv[1])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            convert(desktop, request["input"], request["output"])
            answer = {"ok": True}
        except Exception as e:  # the converter reports it; the listener stays up for the next one
            answer = {"error": str(e) or type(e).__name__}
        print(json.dumps(answer), flush=True)
    # Our stdin closed: the converter is gone (stopped, or its process killed). The listener goes too,
    # rather than being left behind without anyone to use it.
    try:
        desktop.terminate()
    except Exception:
        pass


main()
