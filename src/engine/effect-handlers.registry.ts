import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EFFECT_HANDLER, type EffectHandler, OUTBOX_EFFECT_TYPES } from './effect-handler';

/** Finds the handler of every outbox effect type among the application's providers. */
@Injectable()
export class EffectHandlersRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, EffectHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const type = this.reflector.get<string | undefined>(EFFECT_HANDLER, metatype);
      if (!type) continue;
      found.set(type, [...(found.get(type) ?? []), metatype.name]);
      this.handlers.set(type, instance as EffectHandler);
    }
    const problems: string[] = [];
    for (const type of OUTBOX_EFFECT_TYPES) {
      const names = found.get(type) ?? [];
      if (names.length === 0) problems.push(`no handler for effect "${type}"`);
    }
    for (const [type, names] of found) {
      if (names.length > 1)
        problems.push(`effect "${type}" has ${names.length} handlers: ${names.join(', ')}`);
    }
    if (problems.length > 0) throw new Error(`Effect handlers: ${problems.join('; ')}`);
  }

  get(type: string): EffectHandler | undefined {
    return this.handlers.get(type);
  }
}
