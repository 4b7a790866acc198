#!/usr/bin/env python3
# text-to-c.py INPUT OUTPUT NAME: INPUT's bytes as a C string constant NAME,
# so a data file kept in resources/ is also compiled into a library that
# reads no files (the analysis library depends on GLib only).
import sys

source, output, name = sys.argv[1:4]
with open(source, 'rb') as f:
    data = f.read()


def escape(line):
    out = []
    for b in line:
        c = chr(b)
        if c in '\\"':
            out.append('\\' + c)
        elif c == '\n':
            out.append('\\n')
        elif 32 <= b < 127:
            out.append(c)
        else:
            # Three octal digits: the next character cannot extend the escape.
            out.append('\\%03o' % b)
    return ''.join(out)


lines = data.splitlines(keepends=True)
with open(output, 'w', encoding='ascii') as f:
    path = source.replace('\\', '/')
    if 'resources/' in path:
        path = 'resources/' + path.split('resources/')[-1]
    f.write('/* Generated from %s by build-aux/text-to-c.py: edit that file. */\n' % path)
    f.write('static const char %s[] =\n' % name)
    for line in lines:
        f.write('  "%s"\n' % escape(line))
    if not lines:
        f.write('  ""\n')
    f.write(';\n')
