#!/usr/bin/env python3
"""Prints a free TCP port on 127.0.0.1 below the kernel's ephemeral range.

A port from bind(0) lies inside that range, where any outgoing connection may take it before the
server binds it; ports below the range are only ever taken by an explicit bind (see
tests/DockGateway.Testing/LoopbackPort.cs, which does the same for the tests).
"""
import random
import socket

try:
    with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
        ephemeral_low = int(f.read().split()[0])
except (OSError, ValueError):
    ephemeral_low = 32768
low, high = (10000, ephemeral_low) if ephemeral_low > 12000 else (ephemeral_low // 2, ephemeral_low)

for _ in range(1000):
    port = random.randrange(low, high)
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
else:
    raise SystemExit(f"no free port between {low} and {high} on 127.0.0.1")
