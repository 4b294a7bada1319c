import { describe, expect, it } from "vitest";
import { contactDetailsProblem, findContactDetails } from "./contact-filter";

describe("contact details in messages", () => {
  it.each([
    ["Reach me at dana@mail.example", ["email"]],
    ["dana (at) mail (dot) com", ["email"]],
    ["See https://acme.example/jobs", ["link"]],
    ["portfolio: github.com/dana", ["link"]],
    ["www.acme.io", ["link"]],
    ["t.me/dana", ["link"]],
    ["Call me on +49 30 5550 1234", ["phone"]],
    ["or 07700 900461", ["phone"]],
    ["site acme.io, mail hr@acme.io, phone +44 7700 900461", ["link", "email", "phone"]],
  ])("finds them in %j", (text, kinds) => {
    expect(findContactDetails(text)).toEqual(kinds);
  });

  it.each([
    "We build robots with Node.js, ASP.NET and Next.js.",
    "The range is 100000-120000 EUR a year, hybrid in Berlin.",
    "Our team of 12 ships at 9.30 every Tuesday; e.g. the platform team.",
    "Let's meet at the office at 3 pm.",
  ])("leaves ordinary text alone: %j", (text) => {
    expect(findContactDetails(text)).toEqual([]);
    expect(contactDetailsProblem(text)).toBeNull();
  });

  it("names what to remove in a plain sentence", () => {
    expect(contactDetailsProblem("mail x@y.example or call +49 30 5550 1234")).toMatch(
      /^Please remove the e-mail addresses and phone numbers\./,
    );
  });
});
