#!/usr/bin/env python3
"""Print `N passed, N failed` over meson test logs, counting TAP subtests.

Exit status 1 when a test failed or when no test ran at all.
"""
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print(f"{path}: missing (the tests did not run)")
        failed += 1
        continue
    for line in lines:
        test = json.loads(line)
        ok = test["result"] in ("OK", "EXPECTEDFAIL", "SKIP")
        sub = re.findall(r"^(ok|not ok)\b", test.get("stdout") or "", re.M)
        if sub:
            passed += sub.count("ok")
            failed += sub.count("not ok")
            if not ok and "not ok" not in sub:
                failed += 1  # crashed or timed out between subtests
        elif ok:
            passed += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
