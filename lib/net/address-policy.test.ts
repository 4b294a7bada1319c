import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy";

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.216.34",
  "172.15.255.255", // just below 172.16/12
  "172.32.0.1", // just above 172.16/12
  "100.63.255.255", // just below 100.64/10
  "100.128.0.1", // just above 100.64/10
  "2606:4700:4700::1111",
  "2001:4860:4860::8888",
  "::ffff:8.8.8.8",
  "::ffff:808:808", // the same, in hex
];

const REFUSED: Array<[string, string]> = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback /8"],
  ["10.0.0.1", "private 10/8"],
  ["172.16.0.1", "private 172.16/12"],
  ["172.31.255.255", "private 172.16/12 end"],
  ["192.168.1.1", "private 192.168/16"],
  ["169.254.169.254", "link-local cloud metadata"],
  ["169.254.0.1", "link-local"],
  ["100.64.0.1", "CGNAT"],
  ["100.127.255.255", "CGNAT end"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "this network"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast SSDP"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved class E"],
  ["192.0.2.1", "TEST-NET-1"],
  ["198.51.100.7", "TEST-NET-2"],
  ["203.0.113.9", "TEST-NET-3"],
  ["198.18.0.1", "benchmarking"],
  ["192.0.0.1", "IETF protocol assignments"],
  ["::1", "IPv6 loopback"],
  ["::", "IPv6 unspecified"],
  ["fe80::1", "IPv6 link-local"],
  ["fe80::1%eth0", "IPv6 link-local with zone"],
  ["febf::1", "IPv6 link-local end of fe80::/10"],
  ["fc00::1", "unique local"],
  ["fd00:ec2::254", "AWS IPv6 metadata (unique local)"],
  ["fec0::1", "deprecated site-local"],
  ["ff02::1", "IPv6 multicast"],
  ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
  ["::ffff:7f00:1", "IPv4-mapped loopback in hex"],
  ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
  ["::ffff:10.0.0.1", "IPv4-mapped private"],
  ["::127.0.0.1", "deprecated IPv4-compatible"],
  ["::ffff:0:127.0.0.1", "IPv4-translated (RFC 6145)"],
  ["64:ff9b::7f00:1", "NAT64 (RFC 6052)"],
  ["2002:7f00:1::", "6to4"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
  ["2001:db8::1", "documentation"],
  ["100::1", "discard-only"],
  ["4000::1", "outside 2000::/3"],
];

const UNPARSEABLE = ["", "localhost", "example.com", "256.1.1.1", "1.2.3", "2130706433", "0x7f.0.0.1", "[::1]", "::g"];

describe("isPublicAddress", () => {
  it.each(PUBLIC)("accepts public %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each(REFUSED)("refuses %s (%s)", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(UNPARSEABLE)("refuses unparseable %j", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
});
