#!/usr/bin/env python3
# Generates data/demo/plano-edificio-a-planta-1.svg: building A, floor 1
# (35 x 16.4 m) at 1 px = 2 cm; floor (0,0) m is pixel (300, 200).
S = 50.0
OX, OY = 300, 200
W, H = 2350, 1400
def X(m): return OX + S * m
def Y(m): return OY + S * m
out = []
def a(s): out.append(s)
a('<?xml version="1.0" encoding="UTF-8"?>')
a(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">')
a('<title>Edificio A (Aulas), primer piso - planta arquitectónica</title>')
a('<desc>Plano de muestra para el campus de demostración de Enlace. Escala: 1 px = 2 cm (50 px = 1 m). '
  'La esquina superior izquierda del edificio (eje A-1) está en el píxel (300, 200): origen de la imagen en la planta = (-6, -4) m. '
  'Cota general: 35.00 m entre los píxeles (300, 100) y (2050, 100).</desc>')
a('<rect width="100%" height="100%" fill="#fbfaf6"/>')
a('<style>text{font-family:"DejaVu Sans",Arial,sans-serif;fill:#222}'
  '.room{font-size:26px;font-weight:bold;text-anchor:middle}'
  '.sub{font-size:18px;text-anchor:middle;fill:#555}'
  '.dim{font-size:20px;text-anchor:middle}'
  '.axis{font-size:22px;font-weight:bold;text-anchor:middle}</style>')

# grid axes (ejes)
axes_x = [("A", 0), ("B", 3), ("C", 11), ("D", 19), ("E", 27), ("F", 35)]
axes_y = [("1", 0), ("2", 7), ("3", 9.4), ("4", 16.4)]
a('<g stroke="#9aa" stroke-width="1.5" stroke-dasharray="24 6 4 6" fill="none">')
for _, m in axes_x:
    a(f'<line x1="{X(m)}" y1="{Y(-3.2)}" x2="{X(m)}" y2="{Y(17.4)}"/>')
for _, m in axes_y:
    a(f'<line x1="{X(-5.2)}" y1="{Y(m)}" x2="{X(36)}" y2="{Y(m)}"/>')
a('</g>')
for name, m in axes_x:
    a(f'<circle cx="{X(m)}" cy="{Y(-3.6)}" r="18" fill="#fff" stroke="#333" stroke-width="2"/>'
      f'<text class="axis" x="{X(m)}" y="{Y(-3.6)+8}">{name}</text>')
for name, m in axes_y:
    a(f'<circle cx="{X(-5.6)}" cy="{Y(m)}" r="18" fill="#fff" stroke="#333" stroke-width="2"/>'
      f'<text class="axis" x="{X(-5.6)}" y="{Y(m)+8}">{name}</text>')

# room fills
a('<g fill="#f1efe6" stroke="none">')
a(f'<rect x="{X(0)}" y="{Y(0)}" width="{35*S}" height="{16.4*S}"/>')
a('</g>')
a(f'<rect x="{X(0)}" y="{Y(7)}" width="{35*S}" height="{2.4*S}" fill="#e9e6da"/>')

# walls: (x1, y1, x2, y2, thickness m) as filled rectangles, with openings cut
EXT, INT = 0.30, 0.15
doors = []    # (wall axis 'h' or 'v', fixed m, from m, to m, hinge side, swing dir)
windows = []  # (axis, fixed, from, to)
def wall_rects(axis, fixed, a0, a1, t, gaps):
    segs = []
    cur = a0
    for g0, g1 in sorted(gaps):
        if g0 > cur:
            segs.append((cur, g0))
        cur = max(cur, g1)
    if cur < a1:
        segs.append((cur, a1))
    for s0, s1 in segs:
        if axis == 'h':
            a(f'<rect x="{X(s0 - t/2)}" y="{Y(fixed - t/2)}" width="{(s1 - s0 + t)*S}" height="{t*S}"/>')
        else:
            a(f'<rect x="{X(fixed - t/2)}" y="{Y(s0 - t/2)}" width="{t*S}" height="{(s1 - s0 + t)*S}"/>')

# openings
north_rooms = [(0, 3), (3, 11), (11, 19), (19, 27), (27, 35)]
south_rooms = [(0, 8), (8, 16), (16, 22), (22, 30), (30, 35)]
corr_n_gaps, corr_s_gaps = [], []
for x0, x1 in north_rooms:
    d0 = x1 - 1.4 if x1 - x0 > 4 else x0 + 1.0
    corr_n_gaps.append((d0, d0 + 0.9)); doors.append(('h', 7, d0, d0 + 0.9, 'up'))
for x0, x1 in south_rooms:
    d0 = x0 + 0.5
    corr_s_gaps.append((d0, d0 + 0.9)); doors.append(('h', 9.4, d0, d0 + 0.9, 'down'))
win_n = []
for x0, x1 in north_rooms[1:]:
    for c in (x0 + 2.0, x1 - 2.0):
        win_n.append((c - 1.2, c + 1.2))
win_s = []
for x0, x1 in south_rooms[:4]:
    mid = (x0 + x1) / 2
    if x1 - x0 >= 8:
        for c in (x0 + 2.0, x1 - 2.0):
            win_s.append((c - 1.2, c + 1.2))
    else:
        win_s.append((mid - 1.5, mid + 1.5))
win_s.append((31.5, 33.5))
win_n_1a = []
a('<g fill="#2b2b2b">')
wall_rects('h', 0, 0, 35, EXT, win_n)
wall_rects('h', 16.4, 0, 35, EXT, win_s)
wall_rects('v', 0, 0, 16.4, EXT, [(7.3, 9.1)])          # stair hall doors, west
wall_rects('v', 35, 0, 16.4, EXT, [(7.75, 8.85)])       # emergency exit, east
wall_rects('h', 7, 0, 35, INT, corr_n_gaps)
wall_rects('h', 9.4, 0, 35, INT, corr_s_gaps)
for x in (3, 11, 19, 27):
    wall_rects('v', x, 0, 7, INT, [])
for x in (8, 16, 22, 30):
    wall_rects('v', x, 9.4, 16.4, INT, [])
# columns at the axes of the facades
for _, m in axes_x:
    for ym in (0, 16.4):
        a(f'<rect x="{X(m) - 12}" y="{Y(ym) - 12}" width="24" height="24"/>')
a('</g>')

# windows: glass lines in the openings
a('<g stroke="#2b2b2b" stroke-width="1.5" fill="#fff">')
for ym, wins in ((0, win_n), (16.4, win_s)):
    for w0, w1 in wins:
        a(f'<rect x="{X(w0)}" y="{Y(ym - EXT/2)}" width="{(w1-w0)*S}" height="{EXT*S}"/>')
        a(f'<line x1="{X(w0)}" y1="{Y(ym)}" x2="{X(w1)}" y2="{Y(ym)}"/>')
a('</g>')

# doors: leaf and swing arc
a('<g stroke="#2b2b2b" stroke-width="2" fill="none">')
for axis, fixed, d0, d1, side in doors:
    w = (d1 - d0) * S
    sgn = -1 if side == 'up' else 1
    hx, hy = X(d0), Y(fixed)
    a(f'<line x1="{hx}" y1="{hy}" x2="{hx}" y2="{hy + sgn*w}"/>')
    sweep = 1 if side == 'down' else 0
    a(f'<path d="M {hx} {hy + sgn*w} A {w} {w} 0 0 {1-sweep} {hx + w} {hy}" stroke-dasharray="6 4"/>')
# double door to the stair hall (west) and exit door (east)
for yy, sw in ((7.3, 0.9), (8.2, 0.9)):
    pass
hx = X(0); w = 0.9 * S
a(f'<line x1="{hx}" y1="{Y(7.3)}" x2="{hx + w}" y2="{Y(7.3)}"/><path d="M {hx + w} {Y(7.3)} A {w} {w} 0 0 1 {hx} {Y(8.2)}" stroke-dasharray="6 4"/>')
a(f'<line x1="{hx}" y1="{Y(9.1)}" x2="{hx + w}" y2="{Y(9.1)}"/><path d="M {hx + w} {Y(9.1)} A {w} {w} 0 0 0 {hx} {Y(8.2)}" stroke-dasharray="6 4"/>')
hx = X(35); w = 1.1 * S
a(f'<line x1="{hx}" y1="{Y(7.75)}" x2="{hx + w}" y2="{Y(7.75)}"/><path d="M {hx + w} {Y(7.75)} A {w} {w} 0 0 1 {hx} {Y(8.85)}" stroke-dasharray="6 4"/>')
a('</g>')

# stairs west of the building: x -4..0, y 4.6..11.8
sx0, sx1, sy0, sy1 = -4.2, -0.15, 4.6, 11.8
a('<g fill="none" stroke="#2b2b2b">')
a(f'<rect x="{X(sx0)}" y="{Y(sy0)}" width="{(sx1-sx0)*S}" height="{(sy1-sy0)*S}" fill="#f1efe6" stroke-width="15"/>')
# two flights of 1.8 m with a 0.3 m well, steps every 0.28 m, landing at the north end
a(f'<line x1="{X(-2.18)}" y1="{Y(sy0 + 1.6)}" x2="{X(-2.18)}" y2="{Y(sy1 - 0.4)}" stroke-width="3"/>')
a(f'<line x1="{X(-1.98)}" y1="{Y(sy0 + 1.6)}" x2="{X(-1.98)}" y2="{Y(sy1 - 0.4)}" stroke-width="3"/>')
yy = sy0 + 1.6
while yy <= sy1 - 0.4 + 1e-6:
    a(f'<line x1="{X(sx0)}" y1="{Y(yy)}" x2="{X(-2.18)}" y2="{Y(yy)}" stroke-width="1.5"/>')
    a(f'<line x1="{X(-1.98)}" y1="{Y(yy)}" x2="{X(sx1)}" y2="{Y(yy)}" stroke-width="1.5"/>')
    yy += 0.28
a(f'<path d="M {X(-1.05)} {Y(sy1 - 0.6)} L {X(-1.05)} {Y(sy0 + 1.0)} L {X(-3.15)} {Y(sy0 + 1.0)} L {X(-3.15)} {Y(sy1 - 0.6)}" stroke-width="2"/>')
a(f'<path d="M {X(-3.35)} {Y(sy1 - 1.0)} L {X(-3.15)} {Y(sy1 - 0.6)} L {X(-2.95)} {Y(sy1 - 1.0)}" stroke-width="2"/>')
a('</g>')
a(f'<text class="sub" x="{X(-1.05)}" y="{Y(sy1 - 0.1)}">SUBE</text>')
a(f'<text class="sub" x="{X(-3.15)}" y="{Y(sy1 - 0.1)}">BAJA</text>')
a(f'<text class="room" x="{X(-2.1)}" y="{Y(sy0 + 0.8)}" style="font-size:20px">ESCALERA</text>')

# room names and areas
def label(x0, y0, x1, y1, name, area, code=None):
    cx, cy = X((x0 + x1) / 2), Y(y0 + 0.72 * (y1 - y0))
    if code:
        pass
    a(f'<text class="room" x="{cx}" y="{cy}">{name}</text>')
    a(f'<text class="sub" x="{cx}" y="{cy + 28}">A = {area:.2f} m²</text>')
names_n = [("C. TELECOM.", "1A"), ("AULA A-101", "101"), ("AULA A-102", "102"), ("AULA A-103", "103"), ("AULA A-104", "104")]
for (x0, x1), (n, c) in zip(north_rooms, names_n):
    label(x0, 0, x1, 7, n, (x1 - x0) * 7, c)
names_s = [("AULA A-105", "105"), ("AULA A-106", "106"), ("COORD. INGENIERÍA", "107"), ("CUBÍCULOS", "108"), ("SANITARIOS", "109")]
for (x0, x1), (n, c) in zip(south_rooms, names_s):
    label(x0, 9.4, x1, 16.4, n, (x1 - x0) * 7, c)
a(f'<text class="room" x="{X(24)}" y="{Y(8.45)}">PASILLO</text><text class="sub" x="{X(29)}" y="{Y(8.4)}">A = 84.00 m²</text>')
a(f'<text class="sub" x="{X(33.8)}" y="{Y(8.3)}">SALIDA DE</text><text class="sub" x="{X(33.8)}" y="{Y(8.3)+20}">EMERGENCIA</text>')
# sanitary fixtures in 109: a row of WCs
a('<g fill="#fff" stroke="#2b2b2b" stroke-width="1.5">')
for i in range(4):
    x = 30.6 + i * 1.1
    a(f'<rect x="{X(x)}" y="{Y(15.5)}" width="{0.5*S}" height="{0.25*S}"/><ellipse cx="{X(x + 0.25)}" cy="{Y(15.1)}" rx="{0.2*S}" ry="{0.3*S}"/>')
a('</g>')
# shaft (ducto) in the telecom room for the riser
a(f'<rect x="{X(0.3)}" y="{Y(0.3)}" width="{0.6*S}" height="{0.6*S}" fill="none" stroke="#2b2b2b" stroke-width="2"/>'
  f'<line x1="{X(0.3)}" y1="{Y(0.3)}" x2="{X(0.9)}" y2="{Y(0.9)}" stroke="#2b2b2b" stroke-width="1.5"/>'
  f'<line x1="{X(0.9)}" y1="{Y(0.3)}" x2="{X(0.3)}" y2="{Y(0.9)}" stroke="#2b2b2b" stroke-width="1.5"/>'
  f'<text class="sub" x="{X(0.6)}" y="{Y(1.45)}" style="font-size:15px">DUCTO</text>')

# dimension lines
def hdim(x0, x1, ym, text=None, big=False):
    y = Y(ym)
    a(f'<line x1="{X(x0)}" y1="{y}" x2="{X(x1)}" y2="{y}" stroke="#333" stroke-width="1.5"/>')
    for xm in (x0, x1):
        a(f'<line x1="{X(xm)}" y1="{y - 14}" x2="{X(xm)}" y2="{y + 14}" stroke="#333" stroke-width="1.5"/>'
          f'<line x1="{X(xm) - 8}" y1="{y + 8}" x2="{X(xm) + 8}" y2="{y - 8}" stroke="#333" stroke-width="3"/>')
    t = text or f'{x1 - x0:.2f}'
    st = ' style="font-size:24px;font-weight:bold"' if big else ''
    a(f'<text class="dim" x="{(X(x0) + X(x1)) / 2}" y="{y - 8}"{st}>{t}</text>')
def vdim(y0, y1, xm, text=None):
    x = X(xm)
    a(f'<line x1="{x}" y1="{Y(y0)}" x2="{x}" y2="{Y(y1)}" stroke="#333" stroke-width="1.5"/>')
    for ym in (y0, y1):
        a(f'<line x1="{x - 14}" y1="{Y(ym)}" x2="{x + 14}" y2="{Y(ym)}" stroke="#333" stroke-width="1.5"/>'
          f'<line x1="{x - 8}" y1="{Y(ym) + 8}" x2="{x + 8}" y2="{Y(ym) - 8}" stroke="#333" stroke-width="3"/>')
    t = text or f'{y1 - y0:.2f}'
    cy = (Y(y0) + Y(y1)) / 2
    a(f'<text class="dim" x="{x - 10}" y="{cy}" transform="rotate(-90 {x - 10} {cy})">{t}</text>')
for x0, x1 in north_rooms:
    hdim(x0, x1, -1.0)
hdim(0, 35, -2.0, "35.00", big=True)      # the calibration line: pixels (300,100)-(2050,100)
for x0, x1 in south_rooms:
    hdim(x0, x1, 17.4)
vdim(0, 7, 37.0); vdim(7, 9.4, 37.0); vdim(9.4, 16.4, 37.0)
vdim(0, 16.4, 38.2, "16.40")

# north arrow
nx, ny = X(-4.5), Y(-0.5)
a(f'<g transform="translate({nx} {ny})"><circle r="40" fill="none" stroke="#333" stroke-width="2"/>'
  '<path d="M 0 -36 L 14 22 L 0 12 L -14 22 Z" fill="#333"/><text class="axis" x="0" y="-48">N</text></g>')

# title block
tx, ty = X(17.5), Y(19.0)
a(f'<g transform="translate({tx} {ty})">'
  '<rect width="1130" height="150" fill="#fff" stroke="#222" stroke-width="3"/>'
  '<line x1="0" y1="56" x2="1130" y2="56" stroke="#222" stroke-width="1.5"/>'
  '<line x1="760" y1="56" x2="760" y2="150" stroke="#222" stroke-width="1.5"/>'
  '<text x="20" y="40" style="font-size:28px;font-weight:bold">EDIFICIO A (AULAS) — PLANTA PRIMER PISO</text>'
  '<text x="20" y="92" style="font-size:20px">Universidad Tecnológica del Valle · Dirección de Obras</text>'
  '<text x="20" y="126" style="font-size:18px;fill:#555">Plano arquitectónico A-02 · cotas en metros, a ejes</text>'
  '<text x="780" y="92" style="font-size:20px">ESC. 1:100 (1 px = 2 cm)</text>'
  '<text x="780" y="126" style="font-size:18px;fill:#555">Muestra para Enlace</text>'
  '</g>')
a('</svg>')
open(__import__("os").path.join(__import__("os").path.dirname(__file__) or ".", "plano-edificio-a-planta-1.svg"), "w", encoding="utf-8").write("\n".join(out) + "\n")
