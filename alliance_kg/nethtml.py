"""Render the network as one self-contained HTML page (inline SVG, CSS and JS).

The layout is computed here (a seeded spring layout), so the page draws the
graph without any script and works offline; the inline script only adds
hover tooltips with the evidence and highlights a node's ties.
"""

from __future__ import annotations

import json
import math
from html import escape

import networkx as nx

from alliance_kg.netlayout import SIGN_COLORS, canvas_scale, layout, type_color

WIDTH, HEIGHT, MARGIN = 1000, 680, 70  # the canvas of a small network; it grows with the node count
DASH = {"asserted": "", "planned": "7 4", "speculative": "2 4"}

CSS = """
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}h1{font-size:20px;margin:0 0 4px}
main{display:flex;gap:16px;padding:16px 20px;align-items:flex-start}
#wrap{flex:1;overflow:auto;max-height:88vh;background:#fff;border:1px solid #ddd;border-radius:6px}
#net{display:block}#net.fit{width:100%;height:auto}
.edge{fill:none;opacity:.8}.edge:hover,.edge.hi{opacity:1;stroke-width:5px}
.node circle{stroke:#fff;stroke-width:2px;cursor:pointer}.node text{font-size:12px;pointer-events:none;
paint-order:stroke;stroke:#fff;stroke-width:3px}
.dim{opacity:.12}#legend{min-width:220px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px}
#legend h2{font-size:14px;margin:8px 0 4px}.sw{display:inline-block;width:12px;height:12px;border-radius:50%;
margin-right:6px;vertical-align:middle}.ln{display:inline-block;width:28px;height:0;border-top:3px solid;
margin-right:6px;vertical-align:middle}
#tip{position:fixed;max-width:420px;background:#fff;border:1px solid #888;border-radius:6px;padding:8px 10px;
box-shadow:0 2px 8px rgba(0,0,0,.2);pointer-events:none;font-size:13px;z-index:9}
#tip .ev{margin:4px 0 0;font-style:italic}#tip .src{color:#666;font-size:12px}
table{border-collapse:collapse;margin:0 20px 20px;background:#fff}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
"""

SCRIPT = """
(function(){
 const data=JSON.parse(document.getElementById('net-data').textContent);
 const tip=document.getElementById('tip');
 function line(parent,tag,text,cls){const e=document.createElement(tag);e.textContent=text;
   if(cls)e.className=cls;parent.appendChild(e);return e;}
 function show(ev,fill){tip.replaceChildren();fill(tip);tip.hidden=false;move(ev);}
 function move(ev){tip.style.left=Math.min(ev.clientX+14,window.innerWidth-440)+'px';
   tip.style.top=(ev.clientY+14)+'px';}
 function hide(){tip.hidden=true;document.querySelectorAll('.dim,.hi').forEach(e=>e.classList.remove('dim','hi'));}
 document.querySelectorAll('.edge').forEach(el=>{const e=data.edges[+el.dataset.i];
  el.addEventListener('mouseenter',ev=>show(ev,t=>{line(t,'strong',e.title);
   line(t,'div',e.polarity+', '+e.modality+' \\u2014 '+e.articles+' article(s), '+(e.dates||'no date'),'src');
   e.evidence.forEach(x=>{line(t,'div','\\u201c'+x.sentence+'\\u201d','ev');
    line(t,'div',x.article+(x.date?' ('+x.date+')':'')+(x.attributed_to?' \\u2014 according to '+x.attributed_to:''),'src');});}));
  el.addEventListener('mousemove',move);el.addEventListener('mouseleave',hide);});
 document.querySelectorAll('.node').forEach(el=>{const n=data.nodes[+el.dataset.i];
  el.addEventListener('mouseenter',ev=>{show(ev,t=>{line(t,'strong',n.label);
    line(t,'div',n.type+(n.country?', '+n.country:'')+' \\u2014 '+n.articles+' article(s)','src');
    line(t,'div',n.iri,'src');});
   document.querySelectorAll('.edge,.node').forEach(x=>x.classList.add('dim'));el.classList.remove('dim');
   document.querySelectorAll('.edge').forEach(x=>{const e=data.edges[+x.dataset.i];
    if(e.s===n.i||e.t===n.i){x.classList.remove('dim');x.classList.add('hi');
     document.querySelector('.node[data-i="'+(e.s===n.i?e.t:e.s)+'"]').classList.remove('dim');}});});
  el.addEventListener('mousemove',move);el.addEventListener('mouseleave',hide);});
})();
"""


def canvas_size(nodes: int) -> tuple[int, int]:
    """Return the SVG width and height for a network of ``nodes`` nodes.

    >>> canvas_size(12), canvas_size(120)
    ((1000, 680), (2000, 1360))
    """
    return round(WIDTH * canvas_scale(nodes)), round(HEIGHT * canvas_scale(nodes))


def _xy(point: tuple[float, float], size: tuple[int, int]) -> tuple[float, float]:
    (x, y), (width, height) = point, size
    return (MARGIN + (x + 1) / 2 * (width - 2 * MARGIN), MARGIN + (1 - y) / 2 * (height - 2 * MARGIN))


def _radius(net: nx.MultiDiGraph, node: str) -> float:
    return min(22.0, 6 + 2.5 * math.sqrt(net.degree(node)))


def _edge_path(p1: tuple, p2: tuple, bend: float, r2: float) -> str:
    (x1, y1), (x2, y2) = p1, p2
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    cx, cy = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
    tx, ty = x2 - cx, y2 - cy
    t = math.hypot(tx, ty) or 1.0
    ex, ey = x2 - tx / t * (r2 + 3), y2 - ty / t * (r2 + 3)
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def html_page(net: nx.MultiDiGraph, title: str = "Carmaker alliance network") -> str:
    """Return the whole HTML page of the network (deterministic, no external resource)."""
    nodes = sorted(net)
    index = {n: i for i, n in enumerate(nodes)}
    size = canvas_size(len(nodes))
    pos = {n: _xy(p, size) for n, p in layout(net).items()}
    edges = sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    node_data = [{"i": index[n], "label": net.nodes[n]["label"], "type": net.nodes[n]["type"],
                  "country": net.nodes[n].get("country"), "iri": n, "articles": net.nodes[n]["articles"]}
                 for n in nodes]
    edge_data, paths, seen = [], [], {}
    for i, (u, v, _, d) in enumerate(edges):
        pair = tuple(sorted((u, v)))
        rank = seen[pair] = seen.get(pair, -1) + 1
        bend = 28.0 * ((rank + 1) // 2) * (1 if rank % 2 else -1)
        if (u, v) != pair:
            bend = -bend
        relation = d["label"] if d["polarity"] == "affirmed" else "not " + d["label"]
        dates = d["first_date"] if d["first_date"] == d["last_date"] else f"{d['first_date']} to {d['last_date']}"
        edge_data.append({
            "s": index[u], "t": index[v], "polarity": d["polarity"], "modality": d["modality"],
            "title": f"{net.nodes[u]['label']} {relation} {net.nodes[v]['label']}",
            "articles": d["articles"], "dates": dates,
            "evidence": [{k: e[k] for k in ("sentence", "article", "date", "attributed_to")}
                         for e in d["evidence"][:5]],
        })
        colour = SIGN_COLORS[d["sign"]]
        dash = "4 4" if d["sign"] == "negated" else DASH.get(d["modality"], "")
        marker = "" if d["symmetric"] else f' marker-end="url(#arrow-{d["sign"]})"'
        paths.append(
            f'<path class="edge {d["sign"]}" data-i="{i}" d="{_edge_path(pos[u], pos[v], bend, _radius(net, v))}"'
            f' stroke="{colour}" stroke-width="{1.2 + 0.8 * min(d["articles"], 6):.1f}"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + marker
            + f"><title>{escape(edge_data[-1]['title'])}</title></path>")
    circles = []
    for n in nodes:
        x, y = pos[n]
        label = escape(net.nodes[n]["label"])
        circles.append(
            f'<g class="node" data-i="{index[n]}" transform="translate({x:.1f},{y:.1f})">'
            f'<circle r="{_radius(net, n):.1f}" fill="{type_color(net.nodes[n]["type"])}"/>'
            f'<text y="{_radius(net, n) + 14:.1f}" text-anchor="middle">{label}</text>'
            f"<title>{label}</title></g>")
    markers = "".join(
        f'<marker id="arrow-{s}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
        for s, c in SIGN_COLORS.items())
    types = sorted({net.nodes[n]["type"] for n in nodes})
    signs = sorted({d["sign"] for _, _, _, d in edges})
    legend = ["<h2>Entities</h2>"] + [
        f'<div><span class="sw" style="background:{type_color(t)}"></span>{escape(t)}</div>' for t in types]
    legend += ["<h2>Ties</h2>"] + [
        f'<div><span class="ln" style="border-color:{SIGN_COLORS[s]}"></span>{s}</div>' for s in signs]
    legend += ['<h2>Modality</h2><div><span class="ln" style="border-color:#555"></span>asserted</div>',
               '<div><span class="ln" style="border-color:#555;border-top-style:dashed"></span>planned</div>',
               '<div><span class="ln" style="border-color:#555;border-top-style:dotted"></span>speculative</div>',
               "<p>Hover a tie to read its evidence; hover a company to see its ties.</p>"]
    rows = "".join(
        f"<tr><td>{escape(net.nodes[n]['label'])}</td><td>{escape(net.nodes[n]['type'])}</td>"
        f"<td>{escape(net.nodes[n].get('country') or '')}</td><td>{net.degree(n)}</td>"
        f"<td>{net.nodes[n]['articles']}</td></tr>" for n in sorted(nodes, key=lambda n: net.nodes[n]["label"]))
    first, last = net.graph.get("first_date"), net.graph.get("last_date")
    span = f"{first} to {last}" if first and first != last else (first or "undated")
    payload = json.dumps({"nodes": node_data, "edges": edge_data}, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{CSS}</style></head>
<body><header><h1>{escape(title)}</h1>
<p>{len(nodes)} entities, {len(edges)} ties from {len(net.graph.get("articles", ()))} article(s), {escape(span)}</p></header>
<main><div id="wrap"><svg id="net"{' class="fit"' if size == canvas_size(0) else ""} xmlns="http://www.w3.org/2000/svg" width="{size[0]}" height="{size[1]}"
 viewBox="0 0 {size[0]} {size[1]}" role="img"
 aria-label="{escape(title)}"><defs>{markers}</defs>
<g id="edges">{"".join(paths)}</g>
<g id="nodes">{"".join(circles)}</g></svg></div>
<aside id="legend">{"".join(legend)}</aside></main>
<table id="companies"><thead><tr><th>Entity</th><th>Type</th><th>Country</th><th>Ties</th><th>Articles</th></tr></thead>
<tbody>{rows}</tbody></table>
<div id="tip" hidden></div>
<script type="application/json" id="net-data">{payload}</script>
<script>{SCRIPT}</script>
</body></html>
"""
