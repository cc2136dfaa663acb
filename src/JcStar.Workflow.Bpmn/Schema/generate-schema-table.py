#!/usr/bin/env python3
"""Regenerates BpmnSchemaTable.cs from the OMG BPMN 2.0 XSDs (Semantic, BPMNDI, DI, DC).

Usage: python3 generate-schema-table.py ../../../tests/corpora/miwg-reference/xsd > BpmnSchemaTable.cs
The table flattens inheritance: every complex type lists all its attributes and all the child
elements it may hold (substitution groups expanded), which is what the reader checks against.
"""
import sys, os
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
ALIAS = {
    "http://www.omg.org/spec/BPMN/20100524/MODEL": "m",
    "http://www.omg.org/spec/BPMN/20100524/DI": "bd",
    "http://www.omg.org/spec/DD/20100524/DC": "dc",
    "http://www.omg.org/spec/DD/20100524/DI": "di",
}

elements = {}   # qname -> type qname
subst = {}      # head qname -> [member qnames]
abstract = set()
types = {}      # type qname -> dict(base, attrs, children(list of (kind, value)), any, mixed)
anon = [0]

def read_ns_map(path):
    ns = {}
    for event, item in ET.iterparse(path, events=["start-ns"]):
        ns[item[0]] = item[1]
    return ns

def qualify(name, nsmap, tns):
    if ":" in name:
        prefix, local = name.split(":", 1)
        uri = nsmap.get(prefix)
        if uri == "http://www.w3.org/2001/XMLSchema":
            return None
        return ALIAS[uri] + ":" + local
    uri = nsmap.get("", tns)
    if uri == "http://www.w3.org/2001/XMLSchema":
        return None
    return ALIAS.get(uri, ALIAS[tns]) + ":" + name

def walk_type(node, nsmap, tns, info):
    for child in node:
        tag = child.tag
        if tag in (XS + "sequence", XS + "choice", XS + "all", XS + "complexContent", XS + "simpleContent"):
            walk_type(child, nsmap, tns, info)
        elif tag in (XS + "extension", XS + "restriction"):
            base = qualify(child.get("base"), nsmap, tns)
            if base:
                info["base"] = base
            walk_type(child, nsmap, tns, info)
        elif tag == XS + "attribute":
            info["attrs"].add(child.get("name"))
        elif tag == XS + "anyAttribute":
            pass
        elif tag == XS + "any":
            info["any"] = True
        elif tag == XS + "element":
            if child.get("ref"):
                info["children"].append(("ref", qualify(child.get("ref"), nsmap, tns)))
            else:
                name = ALIAS[tns] + ":" + child.get("name")
                t = child.get("type")
                if t:
                    tq = qualify(t, nsmap, tns)
                else:
                    anon[0] += 1
                    tq = ALIAS[tns] + ":anon" + str(anon[0])
                    ct = child.find(XS + "complexType")
                    sub = new_info(ct is not None and ct.get("mixed") == "true")
                    if ct is not None:
                        walk_type(ct, nsmap, tns, sub)
                    types[tq] = sub
                info["children"].append(("local", (name, tq)))

def new_info(mixed):
    return {"base": None, "attrs": set(), "children": [], "any": False, "mixed": mixed}

def load(path):
    nsmap = read_ns_map(path)
    root = ET.parse(path).getroot()
    tns = root.get("targetNamespace")
    for node in root:
        if node.tag == XS + "element":
            q = ALIAS[tns] + ":" + node.get("name")
            elements[q] = qualify(node.get("type"), nsmap, tns) if node.get("type") else None
            if node.get("substitutionGroup"):
                subst.setdefault(qualify(node.get("substitutionGroup"), nsmap, tns), []).append(q)
            if node.get("abstract") == "true":
                abstract.add(q)
        elif node.tag == XS + "complexType":
            q = ALIAS[tns] + ":" + node.get("name")
            info = new_info(node.get("mixed") == "true")
            walk_type(node, nsmap, tns, info)
            types[q] = info

def members(head, seen=None):
    seen = seen or set()
    out = []
    if head in seen:
        return out
    seen.add(head)
    out.append(head)
    for m in subst.get(head, []):
        out.extend(members(m, seen))
    return out

def flatten(tq, seen=()):
    info = types.get(tq)
    if info is None:
        return set(), {}, False, False
    attrs, children, anyc, mixed = set(), {}, info["any"], info["mixed"]
    if info["base"] and info["base"] not in seen:
        a, c, y, mx = flatten(info["base"], seen + (tq,))
        attrs |= a; children.update(c); anyc = anyc or y; mixed = mixed or mx
    attrs |= info["attrs"]
    for kind, value in info["children"]:
        if kind == "local":
            children[value[0]] = value[1]
        else:
            for m in members(value):
                children[m] = elements.get(m)
    return attrs, children, anyc, mixed

def main(folder):
    for f in ["Semantic.xsd", "BPMN20.xsd", "DC.xsd", "DI.xsd", "BPMNDI.xsd"]:
        load(os.path.join(folder, f))
    # The spec's metamodel (and bpmn-moddle) makes definitions a BaseElement, so tools write
    # documentation and extensionElements on it although the XSD's tDefinitions omits them.
    types["m:tDefinitions"]["children"] += [("ref", "m:documentation"), ("ref", "m:extensionElements")]
    lines = []
    for q, t in sorted(elements.items()):
        lines.append(f"E {q} {t or '-'}")
    for tq in sorted(types):
        attrs, children, anyc, mixed = flatten(tq)
        kids = ",".join(f"{n}={t or '-'}" for n, t in sorted(children.items()))
        flags = ("any " if anyc else "") + ("mixed" if mixed else "")
        lines.append(f"T {tq} | {','.join(sorted(attrs))} | {kids} | {flags.strip()}")
    print("// <auto-generated> by generate-schema-table.py from the OMG BPMN 2.0 XSDs; do not edit by hand.")
    print("namespace JcStar.Workflow.Bpmn.Schema;")
    print()
    print("internal static class BpmnSchemaTable")
    print("{")
    print("    /// <summary>E element type: a global element and its type. T type | attributes | children (name=type) | flags.</summary>")
    print('    public const string Text = """')
    for l in lines:
        print("        " + l)
    print('        """;')
    print("}")

main(sys.argv[1])
