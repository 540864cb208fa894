package com.example;

import com.example.bpf.XdpFilter;

/** Uses the generated skeleton's type, so the build proves the generated source compiles. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.out.println(XdpFilter.class.getName());
  }
}
