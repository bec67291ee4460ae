import { addressesResource } from "./addresses";
import { clientContactsResource } from "./client-contacts";
import { clientContactTypesResource, companyTypesResource, roleTypesResource } from "./config";
import { organisationsResource } from "./organisations";
import { partnersResource } from "./partners";
import { personsResource } from "./persons";
import { rolesResource } from "./roles";

/** Every resource of the contacts area, for the registry. */
export const contactsResources = [
  personsResource,
  organisationsResource,
  partnersResource,
  companyTypesResource,
  roleTypesResource,
  rolesResource,
  clientContactTypesResource,
  clientContactsResource,
  addressesResource,
];
