/**
 * The web planner's server side: `startServer` serves the built page on
 * loopback; `layoutAddressMap` is the address-map layout the page draws.
 * @module
 */
export { startServer, webRootOf, CONTENT_SECURITY_POLICY, type RunningServer, type ServeOptions } from "./server.js";
export {
  layoutAddressMap,
  type AddressMap,
  type MapPanel,
  type MapLane,
  type MapItem,
  type MapKind,
} from "./map-layout.js";
