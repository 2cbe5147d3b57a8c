import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from '@lms/core';
import { WEB_CONTROLLER_KEY } from '@lms/web';
import { TestApp } from './test-app';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface NestRoute {
  method: Method;
  /** Express style, under the API prefix (`/api/v1/units/:id`), or at the root for a page. */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  /** A page (libs/web): served at the root, signed in by cookie. */
  page: boolean;
  controller: new (...args: never[]) => object;
  methodName: string;
}

/** Every controller method Nest mapped, with the access rule the global guard will read. */
export function controllerRoutes(t: TestApp): NestRoute[] {
  const reflector = new Reflector();
  const routes: NestRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      const page = Reflect.getMetadata(WEB_CONTROLLER_KEY, controller) === true;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const own = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const path = `${page ? '' : '/api/v1'}/${base}/${own}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        routes.push({
          method: RequestMethod[method] as Method,
          path,
          handler: `${controller.name}.${name}`,
          rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]),
          page,
          controller,
          methodName: name,
        });
      }
    }
  }
  return routes;
}
