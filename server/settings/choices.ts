import { z } from "zod";
import { AppError } from "@/server/errors";
import { registryChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { boolean, choice, filters, localizedText, text } from "@/server/resources/fields";

/** The choice lists a centre may extend: those the areas declare as `extensibleChoices`. */
const extensibleLists = registryChoiceList("lists", (registry) => registry.extensibleChoices.map((l) => l.id));

/** Values a centre adds to extensible choice lists, with their names in four languages. */
export const choiceExtrasResource = defineResource({
  id: "settings.choices",
  title: "resources.choiceExtras.title",
  table: (t) => t.choiceExtras,
  pk: (t) => t.choiceExtras.id,
  version: (t) => t.choiceExtras.version,
  fields: {
    list: choice("resources.choiceExtras.list", (t) => t.choiceExtras.list, extensibleLists, {
      required: true,
      createOnly: true,
    }),
    value: {
      ...text("resources.choiceExtras.value", (t) => t.choiceExtras.value, {
        required: true,
        width: 14,
        createOnly: true,
      }),
      input: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9_]{1,40}$/),
      help: "resources.choiceExtras.valueHelp",
    },
    name: localizedText("fields.name", (t) => t.choiceExtras.names, { required: true }),
    active: boolean("fields.active", (t) => t.choiceExtras.active),
  },
  columns: ["list", "value", "name", "active"],
  titleField: "value",
  filters: {
    list: filters.choice("resources.choiceExtras.list", extensibleLists, (t) => t.choiceExtras.list),
    active: filters.boolean("fields.active", (t) => t.choiceExtras.active),
  },
  defaultSort: [
    { field: "list", dir: "asc" },
    { field: "value", dir: "asc" },
  ],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"] },
  detail: [
    { key: "general", label: "resources.tabs.general", groups: [{ fields: ["list", "value", "name", "active"] }] },
  ],
  insert: {
    fields: ["list", "value", "name", "active"],
    // A centre's value may not shadow one declared in code.
    validate: (ctx, values) => {
      const list = ctx.registry.extensibleChoices.find((l) => l.id === values.list);
      if (list?.values.includes(String(values.value) as never)) throw new AppError("DUPLICATE");
    },
  },
});
