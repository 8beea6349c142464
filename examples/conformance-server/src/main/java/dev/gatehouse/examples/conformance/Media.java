package dev.gatehouse.examples.conformance;

import java.util.Base64;

/** The tiny media files the conformance scenarios exchange. */
final class Media {

  /** A 1x1 PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

  /** A minimal WAV file. */
  static final byte[] WAV =
      Base64.getDecoder().decode("UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=");

  private Media() {}
}
