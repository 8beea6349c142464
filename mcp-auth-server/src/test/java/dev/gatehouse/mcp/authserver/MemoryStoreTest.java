package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.authserver.spi.AuthStore;

class MemoryStoreTest extends AuthStoreContract {

  @Override
  protected AuthStore newStore() {
    return AuthStore.inMemory();
  }
}
