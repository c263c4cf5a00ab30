#!/usr/bin/env python3
"""Adds or updates texts in a Finnish/English .resx pair.

usage: tools/resx_add.py Portaali.Web/Resources/Ui  <<< $'Key\tFinnish text\tEnglish text'
Reads tab-separated lines (key, Finnish, English) from stdin; Finnish goes to <base>.resx
(the neutral culture), English to <base>.en.resx. Creates the files when missing.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""

def load(path):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER)
    return ET.parse(path)

def upsert(tree, key, text):
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = text
            return
    data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
    ET.SubElement(data, "value").text = text

def save(tree, path):
    root = tree.getroot()
    datas = sorted(root.findall("data"), key=lambda d: d.get("name").lower())
    for d in root.findall("data"):
        root.remove(d)
    for d in datas:
        root.append(d)
    ET.indent(tree, "  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)

base = sys.argv[1]
fi, en = load(base + ".resx"), load(base + ".en.resx")
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    key, fi_text, en_text = line.split("\t")
    upsert(fi, key, fi_text)
    upsert(en, key, en_text)
save(fi, base + ".resx")
save(en, base + ".en.resx")
