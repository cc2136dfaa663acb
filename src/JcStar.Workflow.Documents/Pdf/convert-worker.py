# Warm converter: connects once to a running LibreOffice over a UNO pipe, then converts one document
# per JSON line read on stdin ({"in": path, "out": path}) and answers one JSON line on stdout.
# Started and supervised by LibreOfficePdfConverter (timeouts, restarts); it never starts soffice itself.
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


def answer(payload):
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main():
    pipe, startup_seconds = sys.argv[1], float(sys.argv[2])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + startup_seconds
    while True:
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception as error:  # LibreOffice is still starting
            if time.time() > deadline:
                answer({"error": "cannot connect to LibreOffice: %s" % error})
                return 3
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    answer({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(request["in"]), "_blank", 0,
                (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0)))
            if document is None:
                raise RuntimeError("LibreOffice could not open the document")
            try:
                document.storeToURL(uno.systemPathToFileUrl(request["out"]),
                                    (prop("FilterName", "writer_pdf_Export"),))
            finally:
                try:
                    document.close(True)
                except Exception:
                    document.dispose()
            answer({"ok": True})
        except Exception as error:
            answer({"error": str(error)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
