package oscal

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// uuidNamespaceURL is the RFC 9562 name space for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
var uuidNamespaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuidSpace is the name space of every UUID this package writes: the UUIDv5 of
// [Namespace] in the URL name space.
var uuidSpace = uuid5raw(uuidNamespaceURL, Namespace)

// uuid5raw computes a name-based UUID, version 5 (SHA-1), as RFC 9562 section 5.5
// defines it.
func uuid5raw(space [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(space[:])
	h.Write([]byte(name))
	var sum [sha1.Size]byte
	h.Sum(sum[:0])
	var u [16]byte
	copy(u[:], sum[:16])
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return u
}

// UUID returns the deterministic UUIDv5 this package uses for name: the same name
// always gives the same UUID, so exports of the same data are identical. Names are
// built from stable IDs ("catalog/iso27002:2022", "map/<set>/<from>/<to>/<rel>").
func UUID(name string) string {
	return formatUUID(uuid5raw(uuidSpace, name))
}

func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// validUUID reports whether s has the form the OSCAL schema asks of a UUID: version 4
// or 5, RFC 9562 variant.
func validUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		if !uuidByte(i, s[i]) {
			return false
		}
	}
	return true
}

// uuidByte reports whether c may stand at position i of a UUID: dashes between the
// groups, the version (4 or 5) at 14, the variant (8, 9, a or b) at 19, hex digits
// elsewhere.
func uuidByte(i int, c byte) bool {
	switch i {
	case 8, 13, 18, 23:
		return c == '-'
	case 14:
		return c == '4' || c == '5'
	case 19:
		return strings.IndexByte("89abAB", c) >= 0
	}
	return isHex(c)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
