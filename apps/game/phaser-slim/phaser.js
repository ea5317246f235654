/**
 * The Phaser the product ships: Phaser 4's own sources (phaser/src, through the "phaser-src"
 * alias of vite.config.ts), only the parts the game uses. Modelled on phaser/src/phaser-core.js
 * without physics, tilemaps, sound (audio/ synthesizes its own with WebAudio), gamepads, the
 * loader's file types, curves, geometry and the game objects the game never makes. Each Factories/Creators
 * import registers `scene.add.<kind>` / `scene.make.<kind>`: a kind the game starts to use is
 * added here (test/phaser-slim.test.ts checks every `add.`/`make.` call in src has one).
 *
 * Named exports, so `import * as Phaser from "phaser"` reads as it does with the full build.
 */
import "phaser-src/polyfills/requestVideoFrame.js";
// First, as Phaser's own build loads it: the WebGL render nodes require each other in a circle
// through renderer/index.js (BatchHandler → renderer → … → BatchHandlerQuad → BatchHandler), which
// resolves only when the renderer's index starts it. Loaded from a game object's module instead,
// BatchHandlerQuad extends an undefined BatchHandler and WebGL fails to boot (skeleton.spec's
// ?renderer=webgl test).
import "phaser-src/renderer/index.js";
import CONST from "phaser-src/const.js";

// The scene plugins every scene gets (plugins/DefaultPlugins.js): each module registers its own.
import "phaser-src/gameobjects/DisplayList.js";
import "phaser-src/gameobjects/UpdateList.js";
import "phaser-src/gameobjects/GameObjectCreator.js";
import "phaser-src/gameobjects/GameObjectFactory.js";
import "phaser-src/data/DataManagerPlugin.js";
import "phaser-src/loader/LoaderPlugin.js";

import "phaser-src/gameobjects/container/ContainerCreator.js";
import "phaser-src/gameobjects/container/ContainerFactory.js";
import "phaser-src/gameobjects/graphics/GraphicsCreator.js";
import "phaser-src/gameobjects/graphics/GraphicsFactory.js";
import "phaser-src/gameobjects/image/ImageCreator.js";
import "phaser-src/gameobjects/image/ImageFactory.js";
import "phaser-src/gameobjects/particles/ParticleEmitterFactory.js";
import "phaser-src/gameobjects/shape/rectangle/RectangleFactory.js";
import "phaser-src/gameobjects/text/TextCreator.js";
import "phaser-src/gameobjects/text/TextFactory.js";
import "phaser-src/gameobjects/zone/ZoneCreator.js";
import "phaser-src/gameobjects/zone/ZoneFactory.js";

// The scene plugins the game uses that the game's core does not require by itself.
import "phaser-src/cameras/2d/CameraManager.js";
import "phaser-src/events/EventEmitter.js";
import "phaser-src/input/InputPlugin.js";
import "phaser-src/input/keyboard/KeyboardPlugin.js";
import "phaser-src/scene/ScenePlugin.js";
import "phaser-src/time/Clock.js";
import "phaser-src/tweens/TweenManager.js";

import CoreEvents from "phaser-src/core/events/index.js";
import Game from "phaser-src/core/Game.js";
import Container from "phaser-src/gameobjects/container/Container.js";
import GameObject from "phaser-src/gameobjects/GameObject.js";
import Graphics from "phaser-src/gameobjects/graphics/Graphics.js";
import Image from "phaser-src/gameobjects/image/Image.js";
import ParticleEmitter from "phaser-src/gameobjects/particles/ParticleEmitter.js";
import Rectangle from "phaser-src/gameobjects/shape/rectangle/Rectangle.js";
import Text from "phaser-src/gameobjects/text/Text.js";
import Zone from "phaser-src/gameobjects/zone/Zone.js";
import Scale from "phaser-src/scale/index.js";
import SceneEvents from "phaser-src/scene/events/index.js";
import Scene from "phaser-src/scene/Scene.js";

// What the game reads of Phaser's namespace at run time (the rest of its uses are types).
export const Core = { Events: CoreEvents };
export const Scenes = { Events: SceneEvents };
export const GameObjects = {
  Container,
  GameObject,
  Graphics,
  Image,
  Particles: { ParticleEmitter },
  Rectangle,
  Text,
  Zone,
};
export { Game, Scale, Scene };
export const { AUTO, CANVAS, HEADLESS, WEBGL, VERSION } = CONST;
