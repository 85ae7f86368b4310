"""Ed25519 signing (RFC 8032), small and dependency-free, for the demo's signed uploads.

make-examples.py must write the same bytes on every run and on any machine; Ed25519 signatures
are deterministic, so a fixed demo seed gives fixed tokens. This is for sample data only: it is
slow and not constant-time, and the demo's seeds are public.
"""
import base64
import hashlib

_P = 2 ** 255 - 19
_L = 2 ** 252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _inverse(x):
    return pow(x, _P - 2, _P)


def _x_for(y, sign):
    square = (y * y - 1) * _inverse(_D * y * y + 1) % _P
    x = pow(square, (_P + 3) // 8, _P)
    if (x * x - square) % _P:
        x = x * _SQRT_M1 % _P
    return _P - x if x & 1 != sign else x


_BY = 4 * _inverse(5) % _P
_BASE = (_x_for(_BY, 0), _BY, 1, _x_for(_BY, 0) * _BY % _P)


def _add(p, q):
    # Unified addition in extended coordinates (X, Y, Z, T), doubling included.
    a = (p[1] - p[0]) * (q[1] - q[0]) % _P
    b = (p[1] + p[0]) * (q[1] + q[0]) % _P
    c = 2 * _D * p[3] * q[3] % _P
    d = 2 * p[2] * q[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _times(n, point):
    result = (0, 1, 1, 0)
    while n:
        if n & 1:
            result = _add(result, point)
        point = _add(point, point)
        n >>= 1
    return result


def _encode(point):
    z = _inverse(point[2])
    x, y = point[0] * z % _P, point[1] * z % _P
    return (y | (x & 1) << 255).to_bytes(32, "little")


def _secret(seed):
    digest = hashlib.sha512(seed).digest()
    scalar = int.from_bytes(digest[:32], "little")
    scalar &= (1 << 254) - 8
    scalar |= 1 << 254
    return scalar, digest[32:]


def public_key(seed):
    """The 32-byte public key of a 32-byte seed."""
    return _encode(_times(_secret(seed)[0], _BASE))


def sign(seed, message):
    """The 64-byte signature of message by the key of seed."""
    scalar, prefix = _secret(seed)
    public = _encode(_times(scalar, _BASE))
    r = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % _L
    big_r = _encode(_times(r, _BASE))
    k = int.from_bytes(hashlib.sha512(big_r + public + message).digest(), "little") % _L
    return big_r + ((r + k * scalar) % _L).to_bytes(32, "little")


def public_pem(seed):
    """The public key as a PEM SubjectPublicKeyInfo (OID 1.3.101.112)."""
    der = bytes.fromhex("302a300506032b6570032100") + public_key(seed)
    return "-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der).decode() + "\n-----END PUBLIC KEY-----\n"


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def compact_jws(payload, seed):
    """An EdDSA compact JWS of the payload bytes: header.payload.signature, base64url without padding."""
    signing_input = _b64url(b'{"alg":"EdDSA","typ":"JWT"}') + "." + _b64url(payload)
    return signing_input + "." + _b64url(sign(seed, signing_input.encode()))
